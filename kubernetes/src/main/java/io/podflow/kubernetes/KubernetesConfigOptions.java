package io.podflow.kubernetes;

import io.podflow.common.config.ConfigOption;
import io.podflow.common.config.ConfigOptions;
import io.podflow.common.config.OptionRule;
import java.util.List;
import java.util.Map;

/** Options of a native Kubernetes cluster: where it runs, its image, its pods' resources, secrets and placement. */
public final class KubernetesConfigOptions {

    /** How the REST Service {@code <cluster-id>-rest} is exposed. */
    public enum ServiceExposedType {
        ClusterIP, NodePort, LoadBalancer, ExternalName
    }

    /** When the kubelet pulls the image. */
    public enum ImagePullPolicy {
        IfNotPresent, Always, Never
    }

    public static final ConfigOption<String> CLUSTER_ID = ConfigOptions.key("kubernetes.cluster-id")
            .stringType()
            .noDefaultValue()
            .withDescription("Name of the cluster: a DNS-1035 label of at most 45 characters, used in every object "
                    + "name. A random one is generated when unset.");

    public static final ConfigOption<String> NAMESPACE = ConfigOptions.key("kubernetes.namespace")
            .stringType()
            .defaultValue("default")
            .withDescription("Namespace of every object the cluster creates.");

    public static final ConfigOption<String> CONTAINER_IMAGE = ConfigOptions.key("kubernetes.container.image")
            .stringType()
            .defaultValue("podflow:latest")
            .withDescription("Image of the JobManager and TaskManager containers.");

    public static final ConfigOption<ImagePullPolicy> CONTAINER_IMAGE_PULL_POLICY = ConfigOptions
            .key("kubernetes.container.image.pull-policy")
            .enumType(ImagePullPolicy.class)
            .defaultValue(ImagePullPolicy.IfNotPresent)
            .withDescription("When the kubelet pulls the container image.");

    public static final ConfigOption<List<String>> CONTAINER_IMAGE_PULL_SECRETS = ConfigOptions
            .key("kubernetes.container.image.pull-secrets")
            .listType()
            .defaultValue(List.of())
            .withDescription("Secrets used to pull the image from a private registry, e.g. 'one;two'.");

    public static final ConfigOption<String> SERVICE_ACCOUNT = ConfigOptions.key("kubernetes.service-account")
            .stringType()
            .defaultValue("default")
            .withDescription("Service account of the JobManager and TaskManager pods unless a component sets its own.");

    public static final ConfigOption<String> JOBMANAGER_SERVICE_ACCOUNT = ConfigOptions
            .key("kubernetes.jobmanager.service-account")
            .stringType()
            .defaultValue("default")
            .withFallbackKeys(SERVICE_ACCOUNT.key())
            .withDescription("Service account of the JobManager pod; it must be allowed to create, watch and delete "
                    + "pods.");

    public static final ConfigOption<String> TASKMANAGER_SERVICE_ACCOUNT = ConfigOptions
            .key("kubernetes.taskmanager.service-account")
            .stringType()
            .defaultValue("default")
            .withFallbackKeys(SERVICE_ACCOUNT.key())
            .withDescription("Service account of the TaskManager pods.");

    public static final ConfigOption<Double> JOBMANAGER_CPU = ConfigOptions.key("kubernetes.jobmanager.cpu")
            .doubleType()
            .defaultValue(1.0)
            .withValidator(cpu -> cpu > 0, "more than 0")
            .withDescription("CPUs requested and limited for the JobManager container.");

    public static final ConfigOption<Double> TASKMANAGER_CPU = ConfigOptions.key("kubernetes.taskmanager.cpu")
            .doubleType()
            .noDefaultValue()
            .withValidator(cpu -> cpu > 0, "more than 0")
            .withDescription("CPUs requested and limited for each TaskManager container; unset means one per task "
                    + "slot (taskmanager.numberOfTaskSlots).");

    public static final ConfigOption<ServiceExposedType> REST_SERVICE_EXPOSED_TYPE = ConfigOptions
            .key("kubernetes.rest-service.exposed.type")
            .enumType(ServiceExposedType.class)
            .defaultValue(ServiceExposedType.ClusterIP)
            .withValidator(type -> type != ServiceExposedType.ExternalName, "ClusterIP, NodePort or LoadBalancer; "
                    + "ExternalName only maps a DNS name and cannot expose the JobManager")
            .withDescription("Type of the REST Service <cluster-id>-rest: ClusterIP (reach it with kubectl "
                    + "port-forward), NodePort or LoadBalancer.");

    public static final ConfigOption<Map<String, String>> SECRETS = ConfigOptions.key("kubernetes.secrets")
            .mapType()
            .defaultValue(Map.of())
            .withDescription("Secrets mounted as files in the JobManager and TaskManager containers, as "
                    + "secret:path pairs, e.g. 'foo:/opt/foo,bar:/opt/bar'.");

    public static final ConfigOption<List<String>> ENV_SECRET_KEY_REF = ConfigOptions
            .key("kubernetes.env.secretKeyRef")
            .listType()
            .defaultValue(List.of())
            .withDescription("Environment variables taken from secret keys, e.g. "
                    + "'env:FOO_ENV,secret:foo-secret,key:foo_key;env:BAR_ENV,secret:bar-secret,key:bar_key'.");

    public static final ConfigOption<Map<String, String>> JOBMANAGER_LABELS = ConfigOptions
            .key("kubernetes.jobmanager.labels")
            .mapType()
            .defaultValue(Map.of())
            .withDescription("Extra labels of the JobManager pod, e.g. 'team:data,tier:jm'.");

    public static final ConfigOption<Map<String, String>> TASKMANAGER_LABELS = ConfigOptions
            .key("kubernetes.taskmanager.labels")
            .mapType()
            .defaultValue(Map.of())
            .withDescription("Extra labels of the TaskManager pods, e.g. 'team:data,tier:tm'.");

    public static final ConfigOption<Map<String, String>> JOBMANAGER_ANNOTATIONS = ConfigOptions
            .key("kubernetes.jobmanager.annotations")
            .mapType()
            .defaultValue(Map.of())
            .withDescription("Annotations of the JobManager pod, e.g. 'a1:v1,a2:v2'.");

    public static final ConfigOption<Map<String, String>> TASKMANAGER_ANNOTATIONS = ConfigOptions
            .key("kubernetes.taskmanager.annotations")
            .mapType()
            .defaultValue(Map.of())
            .withDescription("Annotations of the TaskManager pods, e.g. 'a1:v1,a2:v2'.");

    public static final ConfigOption<Map<String, String>> JOBMANAGER_NODE_SELECTOR = ConfigOptions
            .key("kubernetes.jobmanager.node-selector")
            .mapType()
            .defaultValue(Map.of())
            .withDescription("Node labels the JobManager pod must be scheduled on, e.g. 'disk:ssd'.");

    public static final ConfigOption<Map<String, String>> TASKMANAGER_NODE_SELECTOR = ConfigOptions
            .key("kubernetes.taskmanager.node-selector")
            .mapType()
            .defaultValue(Map.of())
            .withDescription("Node labels the TaskManager pods must be scheduled on, e.g. 'disk:ssd'.");

    public static final ConfigOption<List<String>> JOBMANAGER_TOLERATIONS = ConfigOptions
            .key("kubernetes.jobmanager.tolerations")
            .listType()
            .defaultValue(List.of())
            .withDescription("Tolerations of the JobManager pod, e.g. "
                    + "'key:k1,operator:Equal,value:v1,effect:NoSchedule;key:k2,operator:Exists'.");

    public static final ConfigOption<List<String>> TASKMANAGER_TOLERATIONS = ConfigOptions
            .key("kubernetes.taskmanager.tolerations")
            .listType()
            .defaultValue(List.of())
            .withDescription("Tolerations of the TaskManager pods, in the form of "
                    + "kubernetes.jobmanager.tolerations.");

    public static final ConfigOption<String> FLINK_CONF_DIR = ConfigOptions.key("kubernetes.flink.conf.dir")
            .stringType()
            .defaultValue("/opt/flink/conf")
            .withDescription("Where the config ConfigMap (flink-conf.yaml, logging) is mounted in the containers.");

    public static final ConfigOption<String> FLINK_LOG_DIR = ConfigOptions.key("kubernetes.flink.log.dir")
            .stringType()
            .defaultValue("/opt/flink/log")
            .withDescription("Directory of the log files inside the containers.");

    public static final ConfigOption<String> ENTRY_PATH = ConfigOptions.key("kubernetes.entry.path")
            .stringType()
            .defaultValue("/opt/flink/docker-entrypoint.sh")
            .withDescription("Entrypoint script of the image, started with the JobManager or TaskManager mode.");

    public static final ConfigOption<String> KUBE_CONFIG_FILE = ConfigOptions.key("kubernetes.config.file")
            .stringType()
            .noDefaultValue()
            .withDescription("Kubeconfig file of the client; unset uses KUBECONFIG, then ~/.kube/config, then the "
                    + "in-cluster service account.");

    public static final ConfigOption<String> KUBE_CONTEXT = ConfigOptions.key("kubernetes.context")
            .stringType()
            .noDefaultValue()
            .withDescription("Kubeconfig context to use; unset uses the file's current context.");

    public static final ConfigOption<Integer> TASKMANAGER_POD_CREATION_PARALLELISM = ConfigOptions
            .key("kubernetes.taskmanager.pod-creation.parallelism")
            .intType()
            .defaultValue(8)
            .withValidator(OptionRule.atLeast(1))
            .withDescription("How many TaskManager pod creations may be in flight at once for a burst of demand.");

    private KubernetesConfigOptions() {
    }
}
