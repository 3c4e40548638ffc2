package io.podflow.protocol.job;

/**
 * How one running attempt spent its time, as its TaskManager sampled it at {@code sampledAtEpochMillis}: the
 * shares of the interval since the previous sample it was back-pressured (waiting for consumers to free buffers),
 * idle (waiting for input) and busy (everything else), each 0 to 1 and adding up to 1, and the same three as
 * milliseconds accumulated since the attempt opened its inputs and outputs.
 */
public record TaskLoad(ExecutionAttemptID attemptId, long sampledAtEpochMillis, double backPressuredRatio,
        double idleRatio, double busyRatio, long backPressuredMillis, long idleMillis, long busyMillis) {
}
