package io.podflow.api.operators;

import io.podflow.api.functions.ReduceFunction;
import io.podflow.api.typeutils.FieldReference;

/**
 * sum/min/max of one field: the result is the first record with that field replaced by the aggregate, as Flink
 * users expect. The field is a tuple position or a POJO field name; on plain numbers, field 0 is the number.
 */
public final class FieldAggregation implements ReduceFunction<Object> {

    /** Which aggregate to compute. */
    public enum Kind { SUM, MIN, MAX }

    private final Kind kind;
    private final FieldReference field;

    public FieldAggregation(Kind kind, FieldReference field) {
        this.kind = kind;
        this.field = field;
    }

    @Override
    public Object reduce(Object accumulated, Object value) {
        return field.withValue(accumulated, combine(field.get(accumulated), field.get(value)));
    }

    private Object combine(Object left, Object right) {
        if (!(left instanceof Number a) || !(right instanceof Number b)) {
            throw new IllegalArgumentException("Cannot " + kind.name().toLowerCase() + " field " + field + ": it holds "
                    + (left == null ? "null" : left.getClass().getName()) + ", not a number");
        }
        return switch (kind) {
            case SUM -> add(a, b);
            case MIN -> compare(a, b) <= 0 ? a : b;
            case MAX -> compare(a, b) >= 0 ? a : b;
        };
    }

    private static Number add(Number a, Number b) {
        if (a instanceof Integer) {
            return a.intValue() + b.intValue();
        }
        if (a instanceof Long) {
            return a.longValue() + b.longValue();
        }
        if (a instanceof Double) {
            return a.doubleValue() + b.doubleValue();
        }
        if (a instanceof Float) {
            return a.floatValue() + b.floatValue();
        }
        if (a instanceof Short) {
            return (short) (a.shortValue() + b.shortValue());
        }
        if (a instanceof Byte) {
            return (byte) (a.byteValue() + b.byteValue());
        }
        throw new IllegalArgumentException("Cannot sum values of type " + a.getClass().getName());
    }

    private static int compare(Number a, Number b) {
        if (a instanceof Double || a instanceof Float) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return Long.compare(a.longValue(), b.longValue());
    }
}
