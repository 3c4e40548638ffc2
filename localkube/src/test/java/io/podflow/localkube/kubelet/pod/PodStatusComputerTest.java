package io.podflow.localkube.kubelet.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodStatusComputerTest {

    @Test
    void pendingUntilEveryContainerStarted() {
        assertEquals("Pending", PodStatusComputer.phase("Always", List.of(running(true), creating())));
    }

    @Test
    void runningWhileAnyContainerRuns() {
        assertEquals("Running", PodStatusComputer.phase("Never", List.of(running(false), exited(0))));
    }

    @Test
    void terminatedPodsSucceedOrFailByExitCodesUnlessTheyWillRestart() {
        assertEquals("Succeeded", PodStatusComputer.phase("Never", List.of(exited(0), exited(0))));
        assertEquals("Failed", PodStatusComputer.phase("Never", List.of(exited(0), exited(2))));
        assertEquals("Succeeded", PodStatusComputer.phase("OnFailure", List.of(exited(0))));
        assertEquals("Running", PodStatusComputer.phase("OnFailure", List.of(backingOff())));
        assertEquals("Running", PodStatusComputer.phase("Always", List.of(backingOff())));
    }

    @Test
    void readyOnlyWhenEveryContainerIsReadyAndTransitionTimesAreKept() {
        Pod pod = new PodBuilder().withNewSpec().withRestartPolicy("Always").endSpec().build();

        PodStatus notReady = PodStatusComputer.compute(pod, null, "127.0.1.1", "127.0.100.1", "t0", List.of(),
                List.of(running(true), running(false)), "t1");
        PodStatus ready = PodStatusComputer.compute(pod, notReady, "127.0.1.1", "127.0.100.1", "t0", List.of(),
                List.of(running(true), running(true)), "t2");
        PodStatus stillReady = PodStatusComputer.compute(pod, ready, "127.0.1.1", "127.0.100.1", "t0", List.of(),
                List.of(running(true), running(true)), "t3");

        assertEquals("False", condition(notReady, "Ready").getStatus());
        assertEquals("True", condition(ready, "Ready").getStatus());
        assertEquals("True", condition(ready, "ContainersReady").getStatus());
        assertEquals("t2", condition(stillReady, "Ready").getLastTransitionTime());
        assertEquals("t1", condition(stillReady, "Initialized").getLastTransitionTime());
        assertEquals("127.0.1.1", stillReady.getPodIPs().get(0).getIp());
        assertEquals("127.0.100.1", stillReady.getHostIP());
        assertEquals("Running", stillReady.getPhase());
    }

    @Test
    void podIsPendingAndNotInitializedUntilEveryInitContainerSucceeded() {
        Pod pod = new PodBuilder().withNewSpec().withRestartPolicy("Never").endSpec().build();

        PodStatus initializing = PodStatusComputer.compute(pod, null, "ip", "host", "t0",
                List.of(exited(0), running(false)), List.of(creating()), "t1");
        PodStatus initialized = PodStatusComputer.compute(pod, null, "ip", "host", "t0",
                List.of(exited(0), exited(0)), List.of(running(true)), "t1");
        PodStatus initFailed = PodStatusComputer.compute(pod, null, "ip", "host", "t0",
                List.of(exited(4)), List.of(creating()), "t1");

        assertEquals("Pending", initializing.getPhase());
        assertEquals("False", condition(initializing, "Initialized").getStatus());
        assertEquals("Running", initialized.getPhase());
        assertEquals("True", condition(initialized, "Initialized").getStatus());
        assertEquals(2, initialized.getInitContainerStatuses().size());
        assertEquals("Failed", initFailed.getPhase());
    }

    private static PodCondition condition(PodStatus status, String type) {
        return status.getConditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
    }

    private static ContainerStatus running(boolean ready) {
        return new ContainerStatusBuilder().withReady(ready).withNewState().withNewRunning().endRunning().endState()
                .build();
    }

    private static ContainerStatus creating() {
        return new ContainerStatusBuilder().withReady(false).withNewState().withNewWaiting()
                .withReason("ContainerCreating").endWaiting().endState().build();
    }

    private static ContainerStatus exited(int code) {
        return new ContainerStatusBuilder().withReady(false).withNewState().withNewTerminated().withExitCode(code)
                .endTerminated().endState().build();
    }

    private static ContainerStatus backingOff() {
        return new ContainerStatusBuilder().withReady(false)
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                .withNewLastState().withNewTerminated().withExitCode(1).endTerminated().endLastState()
                .build();
    }
}
