package io.podflow.api.datastream;

import io.podflow.api.functions.KeySelector;
import io.podflow.api.typeutils.FieldReference;
import io.podflow.api.tuple.Tuple2;
import io.podflow.api.tuple.Tuple3;

import java.util.Arrays;

/** The key of {@code keyBy(0)}, {@code keyBy(0, 2)} or {@code keyBy("word")}: one field, or a tuple of two or three. */
final class FieldKeySelector implements KeySelector<Object, Object> {

    private final FieldReference[] fields;

    FieldKeySelector(FieldReference... fields) {
        if (fields.length == 0 || fields.length > 3) {
            throw new IllegalArgumentException("keyBy takes one to three fields, not " + Arrays.toString(fields));
        }
        this.fields = fields.clone();
    }

    @Override
    public Object getKey(Object value) {
        return switch (fields.length) {
            case 1 -> fields[0].get(value);
            case 2 -> Tuple2.of(fields[0].get(value), fields[1].get(value));
            default -> Tuple3.of(fields[0].get(value), fields[1].get(value), fields[2].get(value));
        };
    }
}
