package io.podflow.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies a TaskManager process (a worker); in Kubernetes the TaskManager's pod name, given to it as
 * {@code taskmanager.resource-id}, so the ResourceManager can tell the pods it created from strangers.
 */
public record ResourceID(String value) {

    public ResourceID {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A resource id must not be empty");
        }
    }

    @JsonCreator
    public static ResourceID of(String value) {
        return new ResourceID(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
