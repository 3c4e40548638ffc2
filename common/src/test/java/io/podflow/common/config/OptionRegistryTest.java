package io.podflow.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionRegistryTest {

    /** Declares a key that TaskManagerOptions already declares. */
    public static final class DuplicateSlots {
        public static final ConfigOption<Integer> SLOTS = ConfigOptions.key("taskmanager.numberOfTaskSlots")
                .intType().defaultValue(2);
    }

    /** Two options declared out of key order, and a non-option field. */
    public static final class TwoOptions {
        public static final ConfigOption<Integer> ZETA = ConfigOptions.key("test.zeta").intType().defaultValue(1);
        public static final ConfigOption<String> ALPHA = ConfigOptions.key("test.alpha").stringType()
                .noDefaultValue();
        public static final String NOT_AN_OPTION = "y";
    }

    /** Has nothing to register. */
    public static final class Empty {
        public static final String NOT_AN_OPTION = "x";
    }

    @Test
    void discoversCommonHoldersFromTheClasspathResource() {
        OptionRegistry registry = OptionRegistry.fromClasspath();
        assertTrue(OptionRegistry.all().contains(CoreOptions.DEFAULT_PARALLELISM));
        assertTrue(registry.options().contains(JobManagerOptions.HEAP_MEMORY));
        assertTrue(registry.prefixes().contains(ContainerEnvOptions.JOBMANAGER_ENV));
        assertEquals(TaskManagerOptions.NUM_TASK_SLOTS, registry.find("taskmanager.numberOfTaskSlots").orElseThrow());
    }

    @Test
    void readsEveryPublicStaticOptionOfAHolderSortedByKey() {
        OptionHolder holder = OptionRegistry.of(List.of(TwoOptions.class)).holders().get(0);
        assertEquals(List.of(TwoOptions.ALPHA, TwoOptions.ZETA), holder.options());
    }

    @Test
    void rejectsAKeyDeclaredTwice() {
        assertEquals("Option 'taskmanager.numberOfTaskSlots' is declared twice, in "
                + "io.podflow.common.config.OptionRegistryTest$DuplicateSlots and "
                + "io.podflow.common.config.TaskManagerOptions", assertThrows(IllegalStateException.class,
                        () -> OptionRegistry.of(List.of(TaskManagerOptions.class, DuplicateSlots.class)))
                        .getMessage());
    }

    @Test
    void rejectsAListedClassWithoutOptions() {
        assertThrows(IllegalStateException.class, () -> OptionRegistry.of(List.of(Empty.class)));
    }
}
