package io.podflow.protocol.job;

/** How the records a producer subtask emits on an edge are spread over the consumer subtasks. */
public enum Partitioning {
    /** Subtask i sends only to subtask i; both sides need the same parallelism. */
    FORWARD,
    /** By the hash of the record's key, so equal keys meet in the same consumer. */
    HASH,
    /** Round robin over all consumers. */
    REBALANCE,
    /** Every record to every consumer. */
    BROADCAST
}
