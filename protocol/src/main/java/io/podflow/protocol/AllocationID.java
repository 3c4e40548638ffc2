package io.podflow.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one allocation of a slot to a job; a slot freed and given out again gets a new one. */
public record AllocationID(UUID value) {

    public AllocationID {
        Objects.requireNonNull(value, "allocation id");
    }

    public static AllocationID generate() {
        return new AllocationID(UUID.randomUUID());
    }

    /** Parses the 32-hex-digit form {@link #toString()} gives. */
    @JsonCreator
    public static AllocationID fromHexString(String hex) {
        return new AllocationID(HexUuid.parse(hex, "allocation id"));
    }

    @JsonValue
    @Override
    public String toString() {
        return HexUuid.format(value);
    }
}
