package io.podflow.protocol.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.podflow.protocol.HexUuid;

import java.util.Objects;
import java.util.UUID;

/** Identifies one submitted job; chosen by the client, unique in a cluster. */
public record JobID(UUID value) {

    public JobID {
        Objects.requireNonNull(value, "job id");
    }

    public static JobID generate() {
        return new JobID(UUID.randomUUID());
    }

    /** Parses the 32-hex-digit form {@link #toString()} gives. */
    @JsonCreator
    public static JobID fromHexString(String hex) {
        return new JobID(HexUuid.parse(hex, "job id"));
    }

    @JsonValue
    @Override
    public String toString() {
        return HexUuid.format(value);
    }
}
