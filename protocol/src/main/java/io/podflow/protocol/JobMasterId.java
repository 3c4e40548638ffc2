package io.podflow.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** The fencing token of a JobMaster: the leader session it serves, so calls meant for an earlier one are refused. */
public record JobMasterId(UUID value) {

    public JobMasterId {
        Objects.requireNonNull(value, "JobMaster id");
    }

    public static JobMasterId generate() {
        return new JobMasterId(UUID.randomUUID());
    }

    /** Parses the 32-hex-digit form {@link #toString()} gives. */
    @JsonCreator
    public static JobMasterId fromHexString(String hex) {
        return new JobMasterId(HexUuid.parse(hex, "JobMaster id"));
    }

    @JsonValue
    @Override
    public String toString() {
        return HexUuid.format(value);
    }
}
