package io.podflow.api.state;

/** One value per key, scoped to the key of the record being processed. */
public interface ValueState<T> {

    /** The current key's value, or the descriptor's default when none was set. */
    T value();

    void update(T value);

    void clear();
}
