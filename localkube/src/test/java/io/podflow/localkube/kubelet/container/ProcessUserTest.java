package io.podflow.localkube.kubelet.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessUserTest {

    private static final Container PLAIN = new ContainerBuilder().withName("main").build();

    @Test
    void withoutRunAsUserTheCommandRunsAsRoot() {
        assertEquals(Optional.empty(), ProcessUser.of(pod(null, null), PLAIN));
    }

    @Test
    void theContainerUserWinsOverThePodUserAndTheGroupDefaultsToRoot() {
        Container container = new ContainerBuilder().withName("main").withNewSecurityContext().withRunAsUser(9999L)
                .endSecurityContext().build();
        assertEquals(Optional.of(new ProcessUser(9999, 0, List.of(2000L))), ProcessUser.of(pod(1000L, null), container));
    }

    @Test
    void thePodUserGroupAndFsGroupApplyToEveryContainer() {
        assertEquals(Optional.of(new ProcessUser(1000, 3000, List.of(2000L))), ProcessUser.of(pod(1000L, 3000L), PLAIN));
    }

    @Test
    void theInitScriptSwitchesUserOnlyForTheCommandAfterMountingAsRoot() {
        ContainerCommand command = new ContainerCommand(List.of("sleep", "1"), "/", Optional.empty())
                .runningAs(Optional.of(new ProcessUser(9999, 0, List.of())));
        String script = ContainerInitScript.render("test", Path.of("/scratch"),
                List.of(new MountSpec(Path.of("/sandbox/tmp"), "/tmp", false)), List.of(false), "pod", command);

        assertTrue(script.endsWith("exec '/usr/bin/setpriv' '--reuid=9999' '--regid=0' '--clear-groups' '--' 'sleep' '1'\n"),
                script);
        assertTrue(script.indexOf("/bin/chmod 1777 /tmp") > script.indexOf("bind '/sandbox/tmp' '/tmp'"), script);
    }

    private static Pod pod(Long runAsUser, Long runAsGroup) {
        PodBuilder builder = new PodBuilder().withNewMetadata().withName("p").endMetadata();
        if (runAsUser == null) {
            return builder.withNewSpec().endSpec().build();
        }
        return builder.withNewSpec().withNewSecurityContext().withRunAsUser(runAsUser).withRunAsGroup(runAsGroup)
                .withFsGroup(2000L).endSecurityContext().endSpec().build();
    }
}
