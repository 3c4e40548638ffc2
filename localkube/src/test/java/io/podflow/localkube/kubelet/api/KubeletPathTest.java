package io.podflow.localkube.kubelet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podflow.localkube.kubelet.api.KubeletPath.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubeletPathTest {

    @Test
    void parsesThePathsTheApiServerProxiesTo() {
        assertEquals(Optional.of(new KubeletPath(Kind.CONTAINER_LOGS, "ns", "jm-0", "main")),
                KubeletPath.parse("/containerLogs/ns/jm-0/main"));
        assertEquals(Optional.of(new KubeletPath(Kind.EXEC, "ns", "jm-0", "main")), KubeletPath.parse("/exec/ns/jm-0/main"));
        assertEquals(Optional.of(new KubeletPath(Kind.EXEC, "ns", "jm-0", "main")),
                KubeletPath.parse("/exec/ns/jm-0/0c2f-uid/main"));
        assertEquals(Optional.of(new KubeletPath(Kind.PORT_FORWARD, "ns", "jm-0", null)),
                KubeletPath.parse("/portForward/ns/jm-0"));
    }

    @Test
    void refusesOtherPaths() {
        assertEquals(Optional.empty(), KubeletPath.parse("/containerLogs/ns/jm-0"));
        assertEquals(Optional.empty(), KubeletPath.parse("/attach/ns/jm-0/main"));
        assertEquals(Optional.empty(), KubeletPath.parse("/pods"));
        assertEquals(Optional.empty(), KubeletPath.parse("/exec/ns//main"));
    }
}
