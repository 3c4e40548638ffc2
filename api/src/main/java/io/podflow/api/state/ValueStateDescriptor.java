package io.podflow.api.state;

import java.io.Serializable;

/** Names a {@link ValueState}; states with the same name in one operator are the same state. */
public record ValueStateDescriptor<T>(String name, T defaultValue) implements Serializable {

    public ValueStateDescriptor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A state needs a name");
        }
    }

    public ValueStateDescriptor(String name) {
        this(name, null);
    }
}
