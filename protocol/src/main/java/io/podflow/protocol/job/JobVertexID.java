package io.podflow.protocol.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.podflow.protocol.HexUuid;

import java.util.Objects;
import java.util.UUID;

/** Identifies one vertex (operator chain) of a JobGraph. */
public record JobVertexID(UUID value) {

    public JobVertexID {
        Objects.requireNonNull(value, "job vertex id");
    }

    public static JobVertexID generate() {
        return new JobVertexID(UUID.randomUUID());
    }

    /** Parses the 32-hex-digit form {@link #toString()} gives. */
    @JsonCreator
    public static JobVertexID fromHexString(String hex) {
        return new JobVertexID(HexUuid.parse(hex, "job vertex id"));
    }

    @JsonValue
    @Override
    public String toString() {
        return HexUuid.format(value);
    }
}
