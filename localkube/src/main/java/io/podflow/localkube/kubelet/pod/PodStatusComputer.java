package io.podflow.localkube.kubelet.pod;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Derives a pod's phase and conditions from its container statuses, following the kubelet's rules. */
public final class PodStatusComputer {

    private PodStatusComputer() {
    }

    /**
     * @param previous the status the API server holds now, whose condition transition times are kept
     */
    public static PodStatus compute(Pod pod, PodStatus previous, String podIp, String hostIp, String startTime,
            List<ContainerStatus> initContainers, List<ContainerStatus> containers, String now) {
        boolean initialized = initContainers.stream().allMatch(PodStatusComputer::succeeded);
        String phase = initialized ? phase(pod.getSpec().getRestartPolicy(), containers)
                : initContainers.stream().anyMatch(PodStatusComputer::failedForGood) ? "Failed" : "Pending";
        boolean containersReady = !containers.isEmpty()
                && containers.stream().allMatch(status -> Boolean.TRUE.equals(status.getReady()));
        List<PodCondition> conditions = new ArrayList<>();
        conditions.add(condition(previous, "Initialized", initialized, now));
        conditions.add(condition(previous, "Ready", containersReady, now));
        conditions.add(condition(previous, "ContainersReady", containersReady, now));
        conditions.add(condition(previous, "PodScheduled", true, now));
        return new PodStatusBuilder()
                .withPhase(phase)
                .withConditions(conditions)
                .withHostIP(hostIp)
                .withPodIP(podIp)
                .withPodIPs(new PodIP(podIp))
                .withStartTime(startTime)
                .withQosClass(previous == null ? null : previous.getQosClass())
                .withInitContainerStatuses(initContainers)
                .withContainerStatuses(containers)
                .build();
    }

    private static boolean succeeded(ContainerStatus status) {
        return status.getState().getTerminated() != null && status.getState().getTerminated().getExitCode() == 0;
    }

    /** Terminated with an error and not waiting to restart (restart policy Never). */
    private static boolean failedForGood(ContainerStatus status) {
        return status.getState().getTerminated() != null && status.getState().getTerminated().getExitCode() != 0;
    }

    /** Pending until every container has started once, Succeeded/Failed once none runs or will run again. */
    static String phase(String restartPolicy, List<ContainerStatus> containers) {
        int running = 0;
        int waiting = 0;
        int stopped = 0;
        int succeeded = 0;
        for (ContainerStatus status : containers) {
            var state = status.getState();
            if (state.getRunning() != null) {
                running++;
            } else if (state.getTerminated() != null) {
                stopped++;
                if (state.getTerminated().getExitCode() == 0) {
                    succeeded++;
                }
            } else if (status.getLastState() != null && status.getLastState().getTerminated() != null) {
                stopped++;
            } else {
                waiting++;
            }
        }
        if (waiting > 0 || containers.isEmpty()) {
            return "Pending";
        }
        if (running > 0) {
            return "Running";
        }
        if ("Always".equals(Objects.toString(restartPolicy, "Always"))) {
            return "Running";
        }
        if (stopped == succeeded) {
            return "Succeeded";
        }
        return "OnFailure".equals(restartPolicy) ? "Running" : "Failed";
    }

    private static PodCondition condition(PodStatus previous, String type, boolean value, String now) {
        String status = value ? "True" : "False";
        String since = now;
        if (previous != null) {
            for (PodCondition old : previous.getConditions()) {
                if (type.equals(old.getType()) && status.equals(old.getStatus()) && old.getLastTransitionTime() != null) {
                    since = old.getLastTransitionTime();
                }
            }
        }
        return new PodConditionBuilder().withType(type).withStatus(status).withLastTransitionTime(since).build();
    }
}
