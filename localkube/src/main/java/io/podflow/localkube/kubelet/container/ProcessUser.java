package io.podflow.localkube.kubelet.container;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The user a container command runs as, from {@code securityContext.runAsUser}/{@code runAsGroup} (the
 * container's over the pod's) and the pod's {@code supplementalGroups} and {@code fsGroup}. Without a
 * {@code runAsGroup} the group is 0, as for an image user that {@code /etc/passwd} does not name.
 */
public record ProcessUser(long uid, long gid, List<Long> groups) {

    public ProcessUser {
        groups = List.copyOf(groups);
    }

    /** Empty when neither the container nor the pod sets {@code runAsUser}: the command runs as root. */
    public static Optional<ProcessUser> of(Pod pod, Container container) {
        Optional<SecurityContext> own = Optional.ofNullable(container.getSecurityContext());
        Optional<PodSecurityContext> shared = Optional.ofNullable(pod.getSpec().getSecurityContext());
        Optional<Long> uid = own.map(SecurityContext::getRunAsUser).or(() -> shared.map(PodSecurityContext::getRunAsUser));
        if (uid.isEmpty()) {
            return Optional.empty();
        }
        long gid = own.map(SecurityContext::getRunAsGroup).or(() -> shared.map(PodSecurityContext::getRunAsGroup))
                .orElse(0L);
        List<Long> groups = new ArrayList<>();
        shared.map(PodSecurityContext::getSupplementalGroups).ifPresent(groups::addAll);
        shared.map(PodSecurityContext::getFsGroup).ifPresent(groups::add);
        return Optional.of(new ProcessUser(uid.get(), gid, groups));
    }

    /** The {@code setpriv} words that switch to this user before the command is exec'd. */
    List<String> setprivArguments() {
        List<String> words = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + gid));
        if (groups.isEmpty()) {
            words.add("--clear-groups");
        } else {
            words.add("--groups=" + String.join(",", groups.stream().distinct().map(String::valueOf).toList()));
        }
        words.add("--");
        return words;
    }
}
