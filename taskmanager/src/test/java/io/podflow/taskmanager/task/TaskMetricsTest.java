package io.podflow.taskmanager.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podflow.common.metrics.MetricRegistry;
import io.podflow.common.plugin.metrics.MetricValue;
import io.podflow.protocol.AllocationID;
import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.protocol.job.TaskLoad;
import io.podflow.protocol.task.RecordReader;
import io.podflow.protocol.task.RecordWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A task attempt's records and load show under Flink's names, told apart by job, task, subtask and attempt. */
class TaskMetricsTest {

    private final MetricRegistry registry = new MetricRegistry();
    private final TaskDeploymentDescriptor deployment = new TaskDeploymentDescriptor(JobID.generate(),
            ExecutionAttemptID.generate(), JobVertexID.generate(), "Map", 1, 2, AllocationID.generate(),
            "unused.Invokable", Map.of(), List.of(), "unused:6124", List.of(), List.of());
    private final TaskMetrics metrics = TaskMetrics.of(registry.group("taskmanager", Map.of("tm_id", "tm-1")),
            deployment);

    @Test
    void countsTheRecordsTheTaskReadsAndWrites() throws Exception {
        Queue<byte[]> arriving = new ArrayDeque<>(List.of(new byte[] {1}, new byte[] {2}, new byte[] {3}));
        RecordReader reader = metrics.countedReader(arriving::poll);
        List<byte[]> sent = new ArrayList<>();
        RecordWriter writer = metrics.countedWriter(new RecordWriter() {
            @Override
            public void emit(byte[] record) {
                sent.add(record);
            }

            @Override
            public void emit(byte[] record, int keyHash) {
                sent.add(record);
            }
        });

        for (byte[] record = reader.next(); record != null; record = reader.next()) {
            writer.emit(record);
            writer.emit(record, 7);
        }
        assertNull(reader.next());

        assertEquals(6, sent.size());
        assertEquals(Map.of("numRecordsIn", 3.0, "numRecordsOut", 6.0, "busyTimeMsPerSecond", 0.0,
                "idleTimeMsPerSecond", 0.0, "backPressuredTimeMsPerSecond", 0.0), values());
    }

    @Test
    void aSampledLoadShowsAsMillisecondsPerSecond() {
        metrics.publish(new TaskLoad(deployment.attemptId(), 0, 0.25, 0.5, 0.25, 0, 0, 0));

        Map<String, Double> values = values();
        assertEquals(250.0, values.get("backPressuredTimeMsPerSecond"));
        assertEquals(500.0, values.get("idleTimeMsPerSecond"));
        assertEquals(250.0, values.get("busyTimeMsPerSecond"));
    }

    @Test
    void everyMetricNamesItsAttemptAndIsGoneOnceTheTaskEnds() {
        MetricValue any = registry.snapshot().get(0);
        assertEquals(List.of("taskmanager", "job", "task"), any.scope());
        assertEquals(Map.of("tm_id", "tm-1", "job_id", deployment.jobId().toString(), "task_name", "Map",
                "subtask_index", "1", "task_attempt_id", deployment.attemptId().toString()), any.variables());

        metrics.close();

        assertTrue(registry.snapshot().isEmpty());
    }

    private Map<String, Double> values() {
        return registry.snapshot().stream().collect(Collectors.toMap(MetricValue::name, MetricValue::value));
    }
}
