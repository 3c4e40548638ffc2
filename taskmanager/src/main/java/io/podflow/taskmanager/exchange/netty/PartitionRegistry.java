package io.podflow.taskmanager.exchange.netty;

import io.podflow.protocol.job.JobID;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The subpartitions this TaskManager's producers offer, found by key. A consumer may ask before its producer is
 * deployed: it then gets a future the producer's registration completes.
 */
final class PartitionRegistry {

    private final Map<SubpartitionKey, CompletableFuture<Subpartition>> subpartitions = new ConcurrentHashMap<>();

    void register(Subpartition subpartition) {
        CompletableFuture<Subpartition> slot = subpartitions.computeIfAbsent(subpartition.key(),
                ignored -> new CompletableFuture<>());
        if (!slot.complete(subpartition)) {
            throw new IllegalStateException(subpartition.key() + " is already produced here by another attempt");
        }
    }

    /** The subpartition, now or once produced; each caller adds its own timeout to the copy it gets. */
    CompletableFuture<Subpartition> request(SubpartitionKey key) {
        return subpartitions.computeIfAbsent(key, ignored -> new CompletableFuture<>()).copy();
    }

    /** Forgets a subpartition whose consumer received its end, so a later attempt can produce it afresh. */
    void unregister(SubpartitionKey key) {
        subpartitions.computeIfPresent(key, (ignored, slot) -> slot.isDone() ? null : slot);
    }

    /** Forgets the job's produced subpartitions; requests still waiting for a producer keep waiting. */
    void resetJob(JobID jobId) {
        subpartitions.entrySet().removeIf(entry -> entry.getKey().jobId().equals(jobId) && entry.getValue().isDone());
    }
}
