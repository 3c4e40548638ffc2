package io.podflow.localkube.kubelet.container;

import io.fabric8.kubernetes.api.model.Container;
import io.podflow.localkube.kubelet.ContainerConfigException;
import io.podflow.localkube.kubelet.image.ImageRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The argument vector, working directory and user of a container: {@code command} replaces the image
 * entrypoint, {@code args} follow it, and both get {@code $(VAR)} expansion from the container's env.
 */
public record ContainerCommand(List<String> argv, String workingDir, Optional<ProcessUser> user) {

    public ContainerCommand {
        argv = List.copyOf(argv);
    }

    /** This command run as {@code user} (as root when empty). */
    public ContainerCommand runningAs(Optional<ProcessUser> user) {
        return new ContainerCommand(argv, workingDir, user);
    }

    public static ContainerCommand of(Container container, Optional<ImageRoot> image, Map<String, String> env) {
        List<String> argv = new ArrayList<>();
        if (container.getCommand().isEmpty()) {
            image.ifPresent(root -> argv.addAll(root.entrypoint()));
        } else {
            container.getCommand().forEach(word -> argv.add(VariableExpansion.expand(word, env)));
        }
        container.getArgs().forEach(word -> argv.add(VariableExpansion.expand(word, env)));
        if (argv.isEmpty()) {
            throw new ContainerConfigException("container " + container.getName()
                    + " has no command and its image " + container.getImage() + " has no entrypoint");
        }
        String workingDir = container.getWorkingDir();
        if (workingDir == null || workingDir.isEmpty()) {
            workingDir = image.map(ImageRoot::workingDir).orElse("/");
        }
        return new ContainerCommand(argv, workingDir, Optional.empty());
    }
}
