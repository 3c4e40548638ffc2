package io.podflow.localkube.kubelet.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The reporter's tasks run only when the test says so, to fix the order of submits and sends. */
class StatusReporterTest {

    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final List<String> sent = new ArrayList<>();
    private final List<StatusReporter.Rejected> rejected = new ArrayList<>();

    @Test
    void statusesSubmittedWhileOneIsWaitingCollapseIntoTheNewest() {
        StatusReporter reporter = new StatusReporter(recordingApi(), tasks::add, rejected::add);
        Pod pod = pod("tm-1");

        reporter.submit("ns/tm-1", pod, status("Pending"));
        reporter.submit("ns/tm-1", pod, status("Running"));
        reporter.submit("ns/tm-1", pod, status("Failed"));
        runAll();

        assertEquals(List.of("tm-1=Failed"), sent);
    }

    @Test
    void aStatusSubmittedAfterTheLastWasSentIsSentToo() {
        StatusReporter reporter = new StatusReporter(recordingApi(), tasks::add, rejected::add);
        Pod one = pod("tm-1");
        Pod two = pod("tm-2");

        reporter.submit("ns/tm-1", one, status("Pending"));
        reporter.submit("ns/tm-2", two, status("Running"));
        runAll();
        reporter.submit("ns/tm-1", one, status("Running"));
        runAll();

        assertEquals(List.of("tm-1=Pending", "tm-2=Running", "tm-1=Running"), sent);
    }

    @Test
    void aRefusedPatchIsHandedBackWithThePodAndStatus() {
        PodApi refusing = new PodApi() {
            @Override
            public void patchStatus(Pod pod, PodStatus status) {
                throw new IllegalStateException("409 conflict");
            }

            @Override
            public void deleteNow(Pod pod) {
            }
        };
        StatusReporter reporter = new StatusReporter(refusing, tasks::add, rejected::add);

        reporter.submit("ns/tm-1", pod("tm-1"), status("Running"));
        runAll();

        assertEquals(List.of(new StatusReporter.Rejected("uid-tm-1", status("Running"))), rejected);
    }

    private void runAll() {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }
    }

    private PodApi recordingApi() {
        return new PodApi() {
            @Override
            public void patchStatus(Pod pod, PodStatus status) {
                sent.add(pod.getMetadata().getName() + "=" + status.getPhase());
            }

            @Override
            public void deleteNow(Pod pod) {
            }
        };
    }

    private static Pod pod(String name) {
        return new PodBuilder().withNewMetadata().withNamespace("ns").withName(name).withUid("uid-" + name)
                .endMetadata().build();
    }

    private static PodStatus status(String phase) {
        return new PodStatusBuilder().withPhase(phase).build();
    }
}
