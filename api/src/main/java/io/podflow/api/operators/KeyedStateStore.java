package io.podflow.api.operators;

import io.podflow.api.state.ValueState;
import io.podflow.api.state.ValueStateDescriptor;

import java.util.HashMap;
import java.util.Map;

/** The keyed state of one operator in one subtask, kept in memory; state access goes to the current key. */
public final class KeyedStateStore {

    private final Map<String, Map<Object, Object>> statesByName = new HashMap<>();
    private Object currentKey;

    public void setCurrentKey(Object key) {
        currentKey = key;
    }

    public Object currentKey() {
        return currentKey;
    }

    public <T> ValueState<T> valueState(ValueStateDescriptor<T> descriptor) {
        Map<Object, Object> values = statesByName.computeIfAbsent(descriptor.name(), name -> new HashMap<>());
        return new KeyedValueState<>(values, descriptor.defaultValue());
    }

    /** A value per key in one named state. */
    private final class KeyedValueState<T> implements ValueState<T> {
        private final Map<Object, Object> values;
        private final T defaultValue;

        KeyedValueState(Map<Object, Object> values, T defaultValue) {
            this.values = values;
            this.defaultValue = defaultValue;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T value() {
            Object value = values.get(requireKey());
            return value == null ? defaultValue : (T) value;
        }

        @Override
        public void update(T value) {
            if (value == null) {
                values.remove(requireKey());
            } else {
                values.put(requireKey(), value);
            }
        }

        @Override
        public void clear() {
            values.remove(requireKey());
        }

        private Object requireKey() {
            if (currentKey == null) {
                throw new IllegalStateException("Keyed state is only reachable while a keyed record or timer is "
                        + "processed");
            }
            return currentKey;
        }
    }
}
