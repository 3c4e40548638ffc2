package io.podflow.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.deployment.TaskInput;
import io.podflow.protocol.deployment.TaskOutput;
import io.podflow.protocol.deployment.TaskPeer;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobDetails;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobResult;
import io.podflow.protocol.job.JobStatus;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.protocol.job.Partitioning;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every message reads back equal from its JSON, with unknown properties refused as the RPC codec does. */
class WireRoundTripTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    static Stream<Object> messages() {
        ResourceID tm = ResourceID.of("cluster-taskmanager-1-1");
        JobID job = JobID.generate();
        AllocationID allocation = AllocationID.generate();
        TaskManagerLocation location = new TaskManagerLocation(tm, "10.0.0.7:6122/taskexecutor", "10.0.0.7", 6121);
        SlotReport report = new SlotReport(List.of(SlotStatus.free(new SlotID(tm, 0)),
                new SlotStatus(new SlotID(tm, 1), allocation, job)));
        TaskPeer peer = new TaskPeer(1, location);
        return Stream.of(
                report,
                new TaskExecutorRegistration(location, 2, report),
                RegistrationResponse.success(UUID.randomUUID(), ResourceID.of("jobmanager")),
                RegistrationResponse.rejected("unknown pod"),
                new SlotOffer(allocation, 1),
                new TaskExecutionState(job, ExecutionAttemptID.generate(), ExecutionState.FAILED, "boom"),
                new TaskManagerInfo(tm, location.rpcAddress(), 6121, 2, 1, 1_700_000_000_000L),
                new TaskDeploymentDescriptor(job, ExecutionAttemptID.generate(), JobVertexID.generate(), "map", 1, 2,
                        allocation, "com.example.Map", Map.of("k", "v"), List.of("blob"), "10.0.0.1:6124",
                        List.of(new TaskInput(JobVertexID.generate(), Partitioning.HASH, List.of(peer))),
                        List.of(new TaskOutput(JobVertexID.generate(), Partitioning.FORWARD, List.of(peer)))),
                new JobDetails(job, "wc", JobStatus.RUNNING, 1L, -1L, Map.of(ExecutionState.RUNNING, 4)),
                new JobResult(job, JobStatus.FINISHED, null, 1234L),
                JobMasterId.generate());
    }

    @ParameterizedTest
    @MethodSource("messages")
    void readsBackEqual(Object message) throws Exception {
        String json = MAPPER.writeValueAsString(message);
        assertEquals(message, MAPPER.readValue(json, message.getClass()), json);
    }
}
