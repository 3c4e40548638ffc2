package io.podflow.taskmanager.exchange.netty;

import io.podflow.protocol.AllocationID;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.TaskManagerLocation;
import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.deployment.TaskInput;
import io.podflow.protocol.deployment.TaskOutput;
import io.podflow.protocol.deployment.TaskPeer;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.protocol.job.Partitioning;
import io.podflow.protocol.task.RecordReader;
import io.podflow.taskmanager.exchange.PartitionWriter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Two data planes on loopback standing in for two TaskManagers, and one job edge between a producer vertex and a
 * consumer vertex whose subtask {@code i} runs on TaskManager {@code i % 2}, so every edge mixes local and remote
 * channels.
 */
final class TwoTaskManagers implements AutoCloseable {

    static final int BUFFER_BYTES = 4096;
    static final int QUEUED_BUFFERS = 2;
    static final int CREDITS = 2;

    final NettyDataExchange[] exchanges;
    final TaskManagerLocation[] locations;
    final JobID job = JobID.generate();
    final JobVertexID source = JobVertexID.generate();
    final JobVertexID sink = JobVertexID.generate();

    TwoTaskManagers() {
        this(settings("cluster-secret", Duration.ofSeconds(30)), settings("cluster-secret", Duration.ofSeconds(30)));
    }

    TwoTaskManagers(NetworkSettings first, NetworkSettings second) {
        exchanges = new NettyDataExchange[2];
        locations = new TaskManagerLocation[2];
        NetworkSettings[] settings = {first, second};
        for (int i = 0; i < 2; i++) {
            ResourceID id = ResourceID.of("tm-" + i);
            exchanges[i] = NettyDataExchange.start(id, settings[i]);
            locations[i] = new TaskManagerLocation(id, "127.0.0.1:1/taskexecutor", "127.0.0.1",
                    exchanges[i].port());
        }
    }

    static NetworkSettings settings(String secret, Duration requestTimeout) {
        return new NetworkSettings("127.0.0.1", 0, secret, BUFFER_BYTES, QUEUED_BUFFERS, CREDITS,
                Duration.ofMillis(10), requestTimeout, Duration.ofSeconds(10));
    }

    NettyDataExchange exchangeOf(int subtask) {
        return exchanges[subtask % 2];
    }

    TaskDeploymentDescriptor task(JobVertexID vertex, int subtask, int parallelism) {
        return new TaskDeploymentDescriptor(job, ExecutionAttemptID.generate(), vertex, vertex == source ? "source"
                : "sink", subtask, parallelism, AllocationID.generate(), "x.Y", null, null, null, null, null);
    }

    List<TaskPeer> peers(int count) {
        List<TaskPeer> peers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            peers.add(new TaskPeer(i, locations[i % 2]));
        }
        return peers;
    }

    RecordReader openConsumer(int subtask, int consumers, int producers, Partitioning partitioning) {
        return exchangeOf(subtask).openInput(task(sink, subtask, consumers),
                new TaskInput(source, partitioning, peers(producers)));
    }

    PartitionWriter openProducer(int subtask, int producers, int consumers, Partitioning partitioning) {
        return exchangeOf(subtask).openOutput(task(source, subtask, producers),
                new TaskOutput(sink, partitioning, peers(consumers)));
    }

    /** A producer on TaskManager 0 whose only consumer is subtask 1, on TaskManager 1. */
    PartitionWriter openProducerToRemoteConsumer(TaskDeploymentDescriptor producerTask) {
        return exchanges[0].openOutput(producerTask,
                new TaskOutput(sink, Partitioning.REBALANCE, List.of(new TaskPeer(1, locations[1]))));
    }

    @Override
    public void close() {
        for (NettyDataExchange exchange : exchanges) {
            exchange.close();
        }
    }
}
