package io.podflow.api.datastream;

import io.podflow.api.functions.KeySelector;
import io.podflow.api.tuple.Tuple;
import io.podflow.api.tuple.Tuple2;
import io.podflow.api.tuple.Tuple3;

import java.util.Arrays;

/** The key of {@code keyBy(0)} or {@code keyBy(0, 2)}: one tuple field, or a tuple of up to three fields. */
final class FieldKeySelector implements KeySelector<Object, Object> {

    private final int[] fields;

    FieldKeySelector(int... fields) {
        if (fields.length == 0 || fields.length > 3) {
            throw new IllegalArgumentException("keyBy takes one to three field positions, not "
                    + Arrays.toString(fields));
        }
        for (int field : fields) {
            if (field < 0) {
                throw new IllegalArgumentException("Field positions count from 0, not " + field);
            }
        }
        this.fields = fields.clone();
    }

    @Override
    public Object getKey(Object value) {
        if (!(value instanceof Tuple tuple)) {
            if (fields.length == 1 && fields[0] == 0) {
                return value;
            }
            throw new IllegalArgumentException("keyBy" + Arrays.toString(fields) + " needs tuples, but got a "
                    + (value == null ? "null" : value.getClass().getName()) + "; use keyBy(KeySelector) instead");
        }
        return switch (fields.length) {
            case 1 -> tuple.getField(fields[0]);
            case 2 -> Tuple2.of(tuple.getField(fields[0]), tuple.getField(fields[1]));
            default -> Tuple3.of(tuple.getField(fields[0]), tuple.getField(fields[1]), tuple.getField(fields[2]));
        };
    }
}
