package io.podflow.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionRuleTest {

    private static final ConfigOption<Integer> PORT = ConfigOptions.key("some.port").intType().defaultValue(0)
            .withValidator(OptionRule.port());
    private static final ConfigOption<Duration> TIMEOUT = ConfigOptions.key("some.timeout").durationType()
            .defaultValue(Duration.ofSeconds(1)).withValidator(OptionRule.positiveDuration());
    private static final ConfigOption<Integer> SLOTS = ConfigOptions.key("some.slots").intType()
            .defaultValue(1).withValidator(OptionRule.atLeast(1));

    @Test
    void acceptsTheEdgesOfTheAllowedRange() {
        Configuration configuration = new Configuration().setString("some.port", "65535")
                .setString("some.timeout", "1 ns").setString("some.slots", "1");
        assertEquals(65535, configuration.get(PORT));
        assertEquals(Duration.ofNanos(1), configuration.get(TIMEOUT));
        assertEquals(1, configuration.get(SLOTS));
        assertEquals(0, new Configuration().setString("some.port", "0").get(PORT));
    }

    @Test
    void rejectsValuesJustOutsideWithTheRequirement() {
        assertEquals("some.port: '65536' is not allowed (must be a port from 0 to 65535)",
                rejection(new Configuration().setString("some.port", "65536"), PORT));
        assertEquals("some.port: '-1' is not allowed (must be a port from 0 to 65535)",
                rejection(new Configuration().setString("some.port", "-1"), PORT));
        assertEquals("some.timeout: '0 s' is not allowed (must be longer than 0 ms)",
                rejection(new Configuration().setString("some.timeout", "0 s"), TIMEOUT));
        assertEquals("some.slots: '0' is not allowed (must be at least 1)",
                rejection(new Configuration().setString("some.slots", "0"), SLOTS));
    }

    @Test
    void aDefaultThatBreaksTheRuleIsADeclarationError() {
        assertEquals("Default of 'bad.timeout' must be longer than 0 ms", assertThrows(IllegalArgumentException.class,
                () -> ConfigOptions.key("bad.timeout").durationType().defaultValue(Duration.ZERO)
                        .withValidator(OptionRule.positiveDuration())).getMessage());
    }

    private static String rejection(Configuration configuration, ConfigOption<?> option) {
        return assertThrows(IllegalConfigurationException.class, () -> configuration.get(option)).getMessage();
    }
}
