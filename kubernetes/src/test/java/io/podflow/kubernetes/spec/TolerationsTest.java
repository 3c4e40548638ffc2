package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.kubernetes.KubernetesConfigOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TolerationsTest {

    @Test
    void readsFlinksTolerationForm() {
        Configuration config = Configuration.fromMap(Map.of("kubernetes.taskmanager.tolerations",
                "key:dedicated,operator:Equal,value:flink,effect:NoSchedule;key:spot,operator:Exists,"
                        + "effect:NoExecute,tolerationSeconds:30"));

        List<Toleration> tolerations = Tolerations.fromConfig(config, KubernetesConfigOptions.TASKMANAGER_TOLERATIONS);

        assertEquals(List.of(
                new TolerationBuilder().withKey("dedicated").withOperator("Equal").withValue("flink")
                        .withEffect("NoSchedule").build(),
                new TolerationBuilder().withKey("spot").withOperator("Exists").withEffect("NoExecute")
                        .withTolerationSeconds(30L).build()), tolerations);
    }

    @Test
    void refusesAnUnknownField() {
        IllegalConfigurationException error = assertThrows(IllegalConfigurationException.class,
                () -> Tolerations.parse("kubernetes.jobmanager.tolerations", "key:a,colour:blue"));

        assertTrue(error.getMessage().startsWith("kubernetes.jobmanager.tolerations: 'colour' is not a toleration "
                + "field"), error.getMessage());
    }
}
