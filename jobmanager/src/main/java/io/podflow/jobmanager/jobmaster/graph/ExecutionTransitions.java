package io.podflow.jobmanager.jobmaster.graph;

import io.podflow.protocol.ExecutionState;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Which execution state may follow which; anything else is a report out of order and is refused. */
final class ExecutionTransitions {

    private static final Map<ExecutionState, Set<ExecutionState>> NEXT = new EnumMap<>(ExecutionState.class);

    static {
        Set<ExecutionState> ends = EnumSet.of(ExecutionState.FINISHED, ExecutionState.FAILED, ExecutionState.CANCELED);
        NEXT.put(ExecutionState.CREATED, EnumSet.of(ExecutionState.SCHEDULED, ExecutionState.DEPLOYING,
                ExecutionState.CANCELED, ExecutionState.FAILED));
        NEXT.put(ExecutionState.SCHEDULED, EnumSet.of(ExecutionState.DEPLOYING, ExecutionState.CANCELED,
                ExecutionState.FAILED));
        NEXT.put(ExecutionState.DEPLOYING, with(ends, ExecutionState.INITIALIZING, ExecutionState.RUNNING,
                ExecutionState.CANCELING));
        NEXT.put(ExecutionState.INITIALIZING, with(ends, ExecutionState.RUNNING, ExecutionState.CANCELING));
        NEXT.put(ExecutionState.RUNNING, with(ends, ExecutionState.CANCELING));
        // a task asked to cancel may still finish or fail before it sees the request
        NEXT.put(ExecutionState.CANCELING, EnumSet.copyOf(ends));
        for (ExecutionState end : ends) {
            NEXT.put(end, EnumSet.noneOf(ExecutionState.class));
        }
    }

    private ExecutionTransitions() {
    }

    static boolean isAllowed(ExecutionState from, ExecutionState to) {
        return NEXT.get(from).contains(to);
    }

    private static Set<ExecutionState> with(Set<ExecutionState> base, ExecutionState... more) {
        Set<ExecutionState> states = EnumSet.copyOf(base);
        states.addAll(Set.of(more));
        return states;
    }
}
