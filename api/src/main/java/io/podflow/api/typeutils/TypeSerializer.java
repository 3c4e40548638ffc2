package io.podflow.api.typeutils;

/** Writes values of one type to bytes and reads them back. */
public interface TypeSerializer<T> {

    void serialize(T value, DataOutputView out);

    T deserialize(DataInputView in);
}
