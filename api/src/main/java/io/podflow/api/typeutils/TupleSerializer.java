package io.podflow.api.typeutils;

import io.podflow.api.tuple.Tuple;

import java.util.function.Supplier;

/** Writes a tuple's fields in order, each through the given field serializer. */
public final class TupleSerializer<T extends Tuple> implements TypeSerializer<T> {

    private final Supplier<T> factory;
    private final int arity;
    private final TypeSerializer<Object> fieldSerializer;

    public TupleSerializer(Supplier<T> factory, TypeSerializer<Object> fieldSerializer) {
        this.factory = factory;
        this.arity = factory.get().arity();
        this.fieldSerializer = fieldSerializer;
    }

    @Override
    public void serialize(T value, DataOutputView out) {
        for (int i = 0; i < arity; i++) {
            fieldSerializer.serialize(value.getField(i), out);
        }
    }

    @Override
    public T deserialize(DataInputView in) {
        T tuple = factory.get();
        for (int i = 0; i < arity; i++) {
            tuple.setField(i, fieldSerializer.deserialize(in));
        }
        return tuple;
    }
}
