package io.podflow.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.ConfigurationLoader;
import io.podflow.common.config.JobManagerOptions;
import io.podflow.common.config.MemorySize;
import io.podflow.common.config.TaskManagerOptions;
import io.podflow.rpc.RpcOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The flink-conf.yaml of the user docs' ConfigMap loads with every module's options: no key is unknown. */
class SeedConfigurationTest {

    @Test
    void everySeedKeyIsKnownAndOnlyTheLegacyHeapKeyIsFlagged() throws URISyntaxException {
        Path confDir = Path.of(getClass().getResource("/seed-conf/flink-conf.yaml").toURI()).getParent();
        List<String> warnings = new ArrayList<>();

        Configuration configuration = ConfigurationLoader.load(confDir,
                Map.of("containerized.master.env.ENABLE_BUILT_IN_PLUGINS", "flink-s3-fs-hadoop.jar"), warnings::add);

        assertEquals(List.of("Configuration key 'jobmanager.heap.size' is deprecated, use "
                + "'jobmanager.memory.heap.size'"), warnings);
        assertEquals("flink-jobmanager", configuration.get(RpcOptions.JOBMANAGER_ADDRESS));
        assertEquals(6123, configuration.get(RpcOptions.JOBMANAGER_PORT));
        assertEquals(6122, configuration.get(RpcOptions.TASKMANAGER_PORT));
        assertEquals(MemorySize.ofMebiBytes(1024), configuration.get(JobManagerOptions.HEAP_MEMORY));
        assertEquals(1, configuration.get(TaskManagerOptions.NUM_TASK_SLOTS));
    }
}
