package io.podflow.taskmanager;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegistrationBackoffTest {

    @Test
    void doublesUpToTheMaximumAndStartsOverAfterReset() {
        RegistrationBackoff backoff = new RegistrationBackoff(Duration.ofMillis(100), Duration.ofMillis(500));

        assertEquals(List.of(100L, 200L, 400L, 500L, 500L),
                Stream.generate(backoff::nextPause).limit(5).map(Duration::toMillis).toList());
        backoff.reset();
        assertEquals(Duration.ofMillis(100), backoff.nextPause());
    }
}
