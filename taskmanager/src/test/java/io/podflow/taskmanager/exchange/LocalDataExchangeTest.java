package io.podflow.taskmanager.exchange;

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
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalDataExchangeTest {

    private static final ResourceID SELF = ResourceID.of("tm-self");
    private static final TaskManagerLocation HERE = new TaskManagerLocation(SELF, "127.0.0.1:1/taskexecutor",
            "127.0.0.1", 1);
    private final LocalDataExchange exchange = new LocalDataExchange(SELF);
    private final JobID job = JobID.generate();
    private final JobVertexID source = JobVertexID.generate();
    private final JobVertexID sink = JobVertexID.generate();

    private TaskDeploymentDescriptor task(JobVertexID vertex, int subtask, int parallelism) {
        return new TaskDeploymentDescriptor(job, ExecutionAttemptID.generate(), vertex, "v", subtask, parallelism,
                AllocationID.generate(), "x.Y", null, null, null, null, null);
    }

    private static List<TaskPeer> peers(int count, TaskManagerLocation location) {
        List<TaskPeer> peers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            peers.add(new TaskPeer(i, location));
        }
        return peers;
    }

    /** Runs two producers of {@code partitioning} into two consumers; returns what each consumer read, in order. */
    private List<List<String>> route(Partitioning partitioning, List<List<String>> emittedPerProducer)
            throws InterruptedException {
        for (int producer = 0; producer < 2; producer++) {
            PartitionWriter writer = exchange.openOutput(task(source, producer, 2),
                    new TaskOutput(sink, partitioning, peers(2, HERE)));
            for (String record : emittedPerProducer.get(producer)) {
                writer.emit(record.getBytes(StandardCharsets.UTF_8), Integer.parseInt(record));
            }
            writer.finish();
        }
        List<List<String>> read = new ArrayList<>();
        for (int consumer = 0; consumer < 2; consumer++) {
            RecordReader reader = exchange.openInput(task(sink, consumer, 2),
                    new TaskInput(source, partitioning, peers(2, HERE)));
            List<String> records = new ArrayList<>();
            for (byte[] record = reader.next(); record != null; record = reader.next()) {
                records.add(new String(record, StandardCharsets.UTF_8));
            }
            read.add(records);
            assertNull(reader.next(), "a finished reader stays finished");
        }
        return read;
    }

    @Test
    void forwardKeepsEachProducerWithItsOwnConsumer() throws InterruptedException {
        assertEquals(List.of(List.of("1", "2"), List.of("3")),
                route(Partitioning.FORWARD, List.of(List.of("1", "2"), List.of("3"))));
    }

    @Test
    void hashSendsEqualKeysToTheSameConsumer() throws InterruptedException {
        assertEquals(List.of(List.of("2", "4", "6"), List.of("1", "3", "5")),
                route(Partitioning.HASH, List.of(List.of("1", "2", "4"), List.of("3", "5", "6"))));
    }

    @Test
    void rebalanceTakesTurnsStartingAtTheProducersOwnIndex() throws InterruptedException {
        assertEquals(List.of(List.of("1", "3", "6"), List.of("2", "5")),
                route(Partitioning.REBALANCE, List.of(List.of("1", "2", "3"), List.of("5", "6"))));
    }

    @Test
    void broadcastSendsEveryRecordToEveryConsumer() throws InterruptedException {
        assertEquals(List.of(List.of("1", "2"), List.of("1", "2")),
                route(Partitioning.BROADCAST, List.of(List.of("1"), List.of("2"))));
    }

    @Test
    void peerOnAnotherTaskManagerIsRefusedWithTheReason() {
        TaskManagerLocation elsewhere = new TaskManagerLocation(ResourceID.of("tm-other"), "10.0.0.2:1/taskexecutor",
                "10.0.0.2", 1);
        UnsupportedOperationException error = assertThrows(UnsupportedOperationException.class,
                () -> exchange.openInput(task(sink, 0, 1), new TaskInput(source, Partitioning.REBALANCE,
                        peers(1, elsewhere))));
        assertTrue(error.getMessage().contains("subtask 0 on TaskManager tm-other, but records cannot cross "
                + "TaskManagers yet"), error.getMessage());
    }

    @Test
    void forwardSubtasksOfOneSlotExchangeRecordsWhileTheirSiblingsRunOnAnotherTaskManager()
            throws InterruptedException {
        TaskManagerLocation elsewhere = new TaskManagerLocation(ResourceID.of("tm-other"), "10.0.0.2:1/taskexecutor",
                "10.0.0.2", 1);
        List<TaskPeer> spread = List.of(new TaskPeer(0, elsewhere), new TaskPeer(1, HERE));
        PartitionWriter writer = exchange.openOutput(task(source, 1, 2),
                new TaskOutput(sink, Partitioning.FORWARD, spread));
        writer.emit("mine".getBytes(StandardCharsets.UTF_8));
        writer.finish();

        RecordReader reader = exchange.openInput(task(sink, 1, 2), new TaskInput(source, Partitioning.FORWARD,
                spread));

        assertEquals("mine", new String(reader.next(), StandardCharsets.UTF_8));
        assertNull(reader.next(), "only the one FORWARD producer has to finish");
    }

    @Test
    void resetDropsWhatAnEarlierAttemptLeftBehind() throws InterruptedException {
        PartitionWriter stale = exchange.openOutput(task(source, 0, 1),
                new TaskOutput(sink, Partitioning.FORWARD, peers(1, HERE)));
        stale.emit("old".getBytes(StandardCharsets.UTF_8));

        exchange.resetJob(job);
        PartitionWriter fresh = exchange.openOutput(task(source, 0, 1),
                new TaskOutput(sink, Partitioning.FORWARD, peers(1, HERE)));
        fresh.emit("new".getBytes(StandardCharsets.UTF_8));
        fresh.finish();

        RecordReader reader = exchange.openInput(task(sink, 0, 1),
                new TaskInput(source, Partitioning.FORWARD, peers(1, HERE)));
        assertEquals("new", new String(reader.next(), StandardCharsets.UTF_8));
        assertNull(reader.next());
    }
}
