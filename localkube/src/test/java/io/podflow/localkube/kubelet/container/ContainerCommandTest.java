package io.podflow.localkube.kubelet.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.podflow.localkube.kubelet.ContainerConfigException;
import io.podflow.localkube.kubelet.image.ImageRoot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerCommandTest {

    private final ImageRoot flink = new ImageRoot(Path.of("/dist"), "/opt/flink",
            List.of("/opt/flink/docker-entrypoint.sh"), "/opt/flink");
    private final Map<String, String> env = Map.of("POD_IP", "127.0.1.5");

    @Test
    void argsFollowTheImageEntrypointWhenCommandIsEmpty() {
        Container container = new ContainerBuilder().withName("tm").withImage("flink")
                .withArgs("taskmanager", "-Dtaskmanager.host=$(POD_IP)").build();

        ContainerCommand command = ContainerCommand.of(container, Optional.of(flink), env);

        assertEquals(List.of("/opt/flink/docker-entrypoint.sh", "taskmanager", "-Dtaskmanager.host=127.0.1.5"),
                command.argv());
        assertEquals("/opt/flink", command.workingDir());
    }

    @Test
    void commandReplacesTheEntrypointAndWorkingDirOverridesTheImages() {
        Container container = new ContainerBuilder().withName("c").withImage("flink")
                .withCommand("/bin/sh", "-c").withArgs("echo $(POD_IP)").withWorkingDir("/tmp").build();

        ContainerCommand command = ContainerCommand.of(container, Optional.of(flink), env);

        assertEquals(List.of("/bin/sh", "-c", "echo 127.0.1.5"), command.argv());
        assertEquals("/tmp", command.workingDir());
    }

    @Test
    void unmappedImageRunsItsCommandFromTheRootDirectory() {
        Container container = new ContainerBuilder().withName("c").withImage("busybox").withCommand("sleep", "3600")
                .build();

        ContainerCommand command = ContainerCommand.of(container, Optional.empty(), env);

        assertEquals(List.of("sleep", "3600"), command.argv());
        assertEquals("/", command.workingDir());
    }

    @Test
    void nothingToRunIsAConfigurationError() {
        Container container = new ContainerBuilder().withName("c").withImage("busybox").build();

        assertThrows(ContainerConfigException.class, () -> ContainerCommand.of(container, Optional.empty(), env));
    }
}
