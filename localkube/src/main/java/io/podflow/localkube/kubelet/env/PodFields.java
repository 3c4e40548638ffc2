package io.podflow.localkube.kubelet.env;

import io.fabric8.kubernetes.api.model.Pod;
import io.podflow.localkube.kubelet.ContainerConfigException;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Values of the pod fields that {@code fieldRef} and the downward API may select. */
public final class PodFields {

    private static final Pattern MAP_ENTRY = Pattern.compile("metadata\\.(labels|annotations)\\['(.+)'\\]");

    private final Pod pod;
    private final String podIp;
    private final String hostIp;

    public PodFields(Pod pod, String podIp, String hostIp) {
        this.pod = pod;
        this.podIp = podIp;
        this.hostIp = hostIp;
    }

    public String value(String fieldPath) {
        var metadata = pod.getMetadata();
        switch (fieldPath) {
            case "metadata.name":
                return metadata.getName();
            case "metadata.namespace":
                return metadata.getNamespace();
            case "metadata.uid":
                return metadata.getUid();
            case "metadata.labels":
                return render(metadata.getLabels());
            case "metadata.annotations":
                return render(metadata.getAnnotations());
            case "spec.nodeName":
                return pod.getSpec().getNodeName();
            case "spec.serviceAccountName":
                return Objects.toString(pod.getSpec().getServiceAccountName(), "default");
            case "status.podIP":
            case "status.podIPs":
                return podIp;
            case "status.hostIP":
            case "status.hostIPs":
                return hostIp;
            default:
                Matcher entry = MAP_ENTRY.matcher(fieldPath);
                if (entry.matches()) {
                    Map<String, String> map = entry.group(1).equals("labels") ? metadata.getLabels()
                            : metadata.getAnnotations();
                    return map == null ? "" : Objects.toString(map.get(entry.group(2)), "");
                }
                throw new ContainerConfigException("unsupported fieldRef " + fieldPath);
        }
    }

    // the downward API's file format: one key="value" line per entry, sorted by key
    private static String render(Map<String, String> map) {
        if (map == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        map.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.append(e.getKey())
                .append("=\"").append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", "\\n")).append("\"\n"));
        return out.toString().stripTrailing();
    }
}
