package io.podflow.api.typeutils;

import io.podflow.api.tuple.Tuple;

import java.io.Serializable;

/**
 * A field of a record, for keyBy and sum/min/max: a position in a tuple ({@code 1}), or a POJO field by name
 * ({@code "count"}). On a record that is neither, position 0 is the record itself.
 */
public final class FieldReference implements Serializable {

    private final int position;
    private final String name;
    private transient Class<?> pojoClass;
    private transient PojoField pojoField;
    private transient RecordSerializer copier;

    private FieldReference(int position, String name) {
        this.position = position;
        this.name = name;
    }

    public static FieldReference position(int position) {
        if (position < 0) {
            throw new IllegalArgumentException("Field positions count from 0, not " + position);
        }
        return new FieldReference(position, null);
    }

    public static FieldReference named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A field name must not be empty");
        }
        return new FieldReference(-1, name);
    }

    public Object get(Object record) {
        if (name != null) {
            return pojoField(record).get(record);
        }
        if (record instanceof Tuple tuple) {
            return tuple.getField(position);
        }
        requireWholeRecord(record);
        return record;
    }

    /** A copy of {@code record} with this field set to {@code value}; the record itself is left alone. */
    public Object withValue(Object record, Object value) {
        if (name != null) {
            PojoField field = pojoField(record);
            if (copier == null) {
                copier = new RecordSerializer(record.getClass().getClassLoader());
            }
            Object copy = copier.fromBytes(copier.toBytes(record));
            field.set(copy, value);
            return copy;
        }
        if (record instanceof Tuple tuple) {
            Tuple copy = tuple.copy();
            copy.setField(position, value);
            return copy;
        }
        requireWholeRecord(record);
        return value;
    }

    private PojoField pojoField(Object record) {
        if (record == null) {
            throw new IllegalArgumentException("Cannot read field '" + name + "' of a null record");
        }
        if (record.getClass() != pojoClass) {
            pojoField = PojoField.named(record.getClass(), name);
            pojoClass = record.getClass();
        }
        return pojoField;
    }

    private void requireWholeRecord(Object record) {
        if (position != 0) {
            throw new IllegalArgumentException("Field " + position + " of a "
                    + (record == null ? "null record" : record.getClass().getName())
                    + ": only tuples have fields by position; a plain value is field 0, POJO fields go by name");
        }
    }

    @Override
    public String toString() {
        return name != null ? name : Integer.toString(position);
    }
}
