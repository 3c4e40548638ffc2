package io.podflow.localkube.kubelet.env;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.podflow.localkube.kubelet.ClusterObjects;
import io.podflow.localkube.kubelet.ContainerConfigException;
import io.podflow.localkube.kubelet.container.VariableExpansion;
import io.podflow.localkube.kubelet.node.NodeCapacity;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes the environment a kubelet declares for a container: kubelet-provided variables first,
 * then {@code envFrom} sources in order, then {@code env} entries (which may refer to earlier
 * variables with {@code $(VAR)}). The image's env and the runtime's defaults go beneath it
 * ({@link io.podflow.localkube.kubelet.container.ContainerEnvironment}).
 */
public final class EnvResolver {

    private final ClusterObjects objects;
    private final String apiServerHost;
    private final int apiServerPort;
    private final NodeCapacity nodeCapacity;

    public EnvResolver(ClusterObjects objects, String apiServerHost, int apiServerPort, NodeCapacity nodeCapacity) {
        this.objects = objects;
        this.apiServerHost = apiServerHost;
        this.apiServerPort = apiServerPort;
        this.nodeCapacity = nodeCapacity;
    }

    /** The declared environment of {@code container}; throws {@link ContainerConfigException} on a missing reference. */
    public Map<String, String> resolve(Pod pod, Container container, String podIp, String hostIp) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOSTNAME", pod.getMetadata().getName());
        env.put("KUBERNETES_SERVICE_HOST", apiServerHost);
        env.put("KUBERNETES_SERVICE_PORT", Integer.toString(apiServerPort));
        env.put("KUBERNETES_SERVICE_PORT_HTTPS", Integer.toString(apiServerPort));
        env.put("KUBERNETES_PORT", "tcp://" + apiServerHost + ":" + apiServerPort);
        String namespace = pod.getMetadata().getNamespace();
        for (EnvFromSource source : container.getEnvFrom()) {
            addEnvFrom(env, namespace, source);
        }
        PodFields fields = new PodFields(pod, podIp, hostIp);
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() == null) {
                env.put(variable.getName(), VariableExpansion.expand(Objects.toString(variable.getValue(), ""), env));
            } else {
                valueFrom(namespace, variable, fields, container).ifPresent(value -> env.put(variable.getName(), value));
            }
        }
        return env;
    }

    private void addEnvFrom(Map<String, String> env, String namespace, EnvFromSource source) {
        String prefix = Objects.toString(source.getPrefix(), "");
        if (source.getConfigMapRef() != null) {
            String name = source.getConfigMapRef().getName();
            Optional<ConfigMap> configMap = objects.configMap(namespace, name);
            if (configMap.isEmpty()) {
                requireOptional(source.getConfigMapRef().getOptional(), "configmap \"" + name + "\" not found");
                return;
            }
            configMap.get().getData().forEach((key, value) -> env.put(prefix + key, value));
        }
        if (source.getSecretRef() != null) {
            String name = source.getSecretRef().getName();
            Optional<Secret> secret = objects.secret(namespace, name);
            if (secret.isEmpty()) {
                requireOptional(source.getSecretRef().getOptional(), "secret \"" + name + "\" not found");
                return;
            }
            SecretData.decode(secret.get()).forEach((key, value) -> env.put(prefix + key,
                    new String(value, StandardCharsets.UTF_8)));
        }
    }

    private Optional<String> valueFrom(String namespace, EnvVar variable, PodFields fields, Container container) {
        EnvVarSource from = variable.getValueFrom();
        if (from.getFieldRef() != null) {
            return Optional.of(fields.value(from.getFieldRef().getFieldPath()));
        }
        if (from.getResourceFieldRef() != null) {
            return Optional.of(ResourceFieldValue.of(container, from.getResourceFieldRef(), nodeCapacity));
        }
        if (from.getSecretKeyRef() != null) {
            var ref = from.getSecretKeyRef();
            Optional<byte[]> value = objects.secret(namespace, ref.getName())
                    .map(secret -> SecretData.decode(secret).get(ref.getKey()));
            if (value.isEmpty()) {
                requireOptional(ref.getOptional(), "secret \"" + ref.getName() + "\" has no key \"" + ref.getKey()
                        + "\" (env " + variable.getName() + ")");
            }
            return value.map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        }
        if (from.getConfigMapKeyRef() != null) {
            var ref = from.getConfigMapKeyRef();
            Optional<String> value = objects.configMap(namespace, ref.getName())
                    .map(configMap -> configMap.getData().get(ref.getKey()));
            if (value.isEmpty()) {
                requireOptional(ref.getOptional(), "configmap \"" + ref.getName() + "\" has no key \""
                        + ref.getKey() + "\" (env " + variable.getName() + ")");
            }
            return value;
        }
        throw new ContainerConfigException("env " + variable.getName() + " has an unsupported valueFrom");
    }

    private static void requireOptional(Boolean optional, String problem) {
        if (!Boolean.TRUE.equals(optional)) {
            throw new ContainerConfigException(problem);
        }
    }
}
