package io.podflow.taskmanager;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.common.config.TaskManagerOptions;
import io.podflow.rpc.RpcOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskExecutorSettingsTest {

    @Test
    void resourceManagerAddressComesFromTheJobManagerOptions() {
        Configuration config = new Configuration()
                .set(RpcOptions.JOBMANAGER_ADDRESS, "session.flink")
                .set(RpcOptions.JOBMANAGER_PORT, 7000)
                .set(TaskManagerOptions.RESOURCE_ID, "session-taskmanager-1-3");

        TaskExecutorSettings settings = TaskExecutorSettings.from(config, "10.0.0.9", 6122);

        assertEquals("session.flink:7000/resourcemanager", settings.resourceManagerAddress());
        assertEquals("session-taskmanager-1-3", settings.resourceId().value());
        assertEquals("10.0.0.9", settings.dataHost());
        assertEquals(6121, settings.dataPort());
    }

    @Test
    void withoutAConfiguredIdTheHostAndPortNameTheTaskManager() {
        Configuration config = new Configuration().set(RpcOptions.JOBMANAGER_ADDRESS, "jm");

        String id = TaskExecutorSettings.from(config, "10.0.0.9", 6122).resourceId().value();

        assertTrue(id.matches("10\\.0\\.0\\.9:6122-[0-9a-f]{6}"), id);
    }

    @Test
    void missingJobManagerAddressIsOneLineSayingWhatToSet() {
        IllegalConfigurationException error = assertThrows(IllegalConfigurationException.class,
                () -> TaskExecutorSettings.from(new Configuration(), "h", 1));
        assertTrue(error.getMessage().startsWith("jobmanager.rpc.address is not set"), error.getMessage());
    }
}
