package io.podflow.protocol.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.podflow.protocol.HexUuid;

import java.util.Objects;
import java.util.UUID;

/** Identifies one attempt at running one subtask; a restart gets a new one. */
public record ExecutionAttemptID(UUID value) {

    public ExecutionAttemptID {
        Objects.requireNonNull(value, "execution attempt id");
    }

    public static ExecutionAttemptID generate() {
        return new ExecutionAttemptID(UUID.randomUUID());
    }

    /** Parses the 32-hex-digit form {@link #toString()} gives. */
    @JsonCreator
    public static ExecutionAttemptID fromHexString(String hex) {
        return new ExecutionAttemptID(HexUuid.parse(hex, "execution attempt id"));
    }

    @JsonValue
    @Override
    public String toString() {
        return HexUuid.format(value);
    }
}
