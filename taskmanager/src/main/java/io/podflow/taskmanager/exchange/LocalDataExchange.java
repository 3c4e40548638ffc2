package io.podflow.taskmanager.exchange;

import io.podflow.protocol.ResourceID;
import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.deployment.TaskInput;
import io.podflow.protocol.deployment.TaskOutput;
import io.podflow.protocol.deployment.TaskPeer;
import io.podflow.protocol.job.ChannelSelector;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.protocol.job.Partitioning;
import io.podflow.protocol.job.TaskLoad;
import io.podflow.protocol.task.RecordReader;
import io.podflow.taskmanager.exchange.load.TaskLoadMeters;
import io.podflow.taskmanager.exchange.load.WaitClock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connects producer and consumer subtasks running in this TaskManager through bounded in-memory queues, one per
 * consumer input, so a fast producer waits for a slow consumer. A peer on another TaskManager is refused with a
 * message saying so: records between TaskManagers need the network data plane.
 */
public final class LocalDataExchange implements DataExchange {

    private static final int QUEUE_CAPACITY = 1024;
    /** Marks the end of one producer's records; compared by identity, so an empty user record is not confused. */
    private static final byte[] END_OF_PARTITION = new byte[0];

    private final ResourceID self;
    private final Map<InputKey, BlockingQueue<byte[]>> queues = new ConcurrentHashMap<>();
    private final TaskLoadMeters loads = new TaskLoadMeters();

    private record InputKey(JobID jobId, JobVertexID source, JobVertexID target, int consumerSubtask) {
    }

    public LocalDataExchange(ResourceID self) {
        this.self = self;
    }

    @Override
    public RecordReader openInput(TaskDeploymentDescriptor task, TaskInput input) {
        List<TaskPeer> connected = connectedPeers(task, input.partitioning(), input.producers());
        connected.forEach(producer -> requireLocal(task, producer, "reads from"));
        BlockingQueue<byte[]> queue = queue(new InputKey(task.jobId(), input.sourceVertex(), task.vertexId(),
                task.subtaskIndex()));
        int producers = connected.size();
        WaitClock idle = loads.of(task.attemptId(), task.jobId()).idle();
        return new RecordReader() {
            private int finished;

            @Override
            public byte[] next() throws InterruptedException {
                while (finished < producers) {
                    byte[] record = idle.take(queue);
                    if (record != END_OF_PARTITION) {
                        return record;
                    }
                    finished++;
                }
                return null;
            }
        };
    }

    @Override
    public PartitionWriter openOutput(TaskDeploymentDescriptor task, TaskOutput output) {
        List<TaskPeer> consumers = new ArrayList<>(connectedPeers(task, output.partitioning(), output.consumers()));
        if (consumers.isEmpty()) {
            throw new IllegalArgumentException(task.subtaskName() + " has an output to " + output.targetVertex()
                    + (output.partitioning() == Partitioning.FORWARD ? " without FORWARD consumer subtask "
                    + task.subtaskIndex() : " without consumers"));
        }
        consumers.forEach(consumer -> requireLocal(task, consumer, "writes to"));
        consumers.sort((a, b) -> Integer.compare(a.subtaskIndex(), b.subtaskIndex()));
        List<BlockingQueue<byte[]>> targets = new ArrayList<>(consumers.size());
        for (TaskPeer consumer : consumers) {
            targets.add(queue(new InputKey(task.jobId(), task.vertexId(), output.targetVertex(),
                    consumer.subtaskIndex())));
        }
        // a FORWARD output has the one consumer of its own index, which is channel 0 here
        int ownChannel = output.partitioning() == Partitioning.FORWARD ? 0 : task.subtaskIndex();
        return new QueueWriter(targets, ChannelSelector.of(output.partitioning(), ownChannel, targets.size()),
                loads.of(task.attemptId(), task.jobId()).backPressure());
    }

    /**
     * The peers a subtask exchanges records with: on a FORWARD edge only the subtask of the same index (which the
     * JobMaster places in the same slot, so in this TaskManager), on other edges all of them.
     */
    private static List<TaskPeer> connectedPeers(TaskDeploymentDescriptor task, Partitioning partitioning,
            List<TaskPeer> peers) {
        return partitioning == Partitioning.FORWARD
                ? peers.stream().filter(peer -> peer.subtaskIndex() == task.subtaskIndex()).toList() : peers;
    }

    @Override
    public Optional<TaskLoad> sampleLoad(ExecutionAttemptID attemptId) {
        return loads.sample(attemptId);
    }

    @Override
    public void resetJob(JobID jobId) {
        queues.keySet().removeIf(key -> key.jobId().equals(jobId));
        loads.resetJob(jobId);
    }

    private BlockingQueue<byte[]> queue(InputKey key) {
        return queues.computeIfAbsent(key, ignored -> new ArrayBlockingQueue<>(QUEUE_CAPACITY));
    }

    private void requireLocal(TaskDeploymentDescriptor task, TaskPeer peer, String direction) {
        if (!peer.location().resourceId().equals(self)) {
            throw new UnsupportedOperationException(task.subtaskName() + " " + direction + " subtask "
                    + peer.subtaskIndex() + " on TaskManager " + peer.location().resourceId()
                    + ", but records cannot cross TaskManagers yet: this TaskManager only connects its own subtasks");
        }
    }

    /** Writes to the consumer queues of one output edge; waiting for room in a full queue is back pressure. */
    private static final class QueueWriter implements PartitionWriter {

        private final List<BlockingQueue<byte[]>> targets;
        private final ChannelSelector selector;
        private final WaitClock backPressure;

        QueueWriter(List<BlockingQueue<byte[]>> targets, ChannelSelector selector, WaitClock backPressure) {
            this.targets = targets;
            this.selector = selector;
            this.backPressure = backPressure;
        }

        @Override
        public void emit(byte[] record) throws InterruptedException {
            emit(record, Arrays.hashCode(record));
        }

        @Override
        public void emit(byte[] record, int keyHash) throws InterruptedException {
            int channel = selector.select(keyHash);
            if (channel == ChannelSelector.ALL_CHANNELS) {
                for (BlockingQueue<byte[]> target : targets) {
                    backPressure.put(target, record);
                }
            } else {
                backPressure.put(targets.get(channel), record);
            }
        }

        @Override
        public void finish() throws InterruptedException {
            for (BlockingQueue<byte[]> target : targets) {
                backPressure.put(target, END_OF_PARTITION);
            }
        }
    }
}
