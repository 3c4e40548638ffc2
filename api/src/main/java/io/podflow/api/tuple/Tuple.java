package io.podflow.api.tuple;

import java.io.Serializable;
import java.util.Objects;

/** A fixed-size record of public fields {@code f0, f1, ...}, addressed by position for keyBy and aggregations. */
public abstract class Tuple implements Serializable {

    /** How many fields the tuple has. */
    public abstract int arity();

    /** The value of field {@code position}, counting from 0. */
    public abstract <T> T getField(int position);

    /** Replaces the value of field {@code position}, counting from 0. */
    public abstract void setField(int position, Object value);

    /** A new tuple of the same arity with the same field values. */
    public abstract Tuple copy();

    protected final IndexOutOfBoundsException noSuchField(int position) {
        return new IndexOutOfBoundsException("A tuple of arity " + arity() + " has no field " + position
                + " (fields count from 0)");
    }

    @Override
    public final boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || other.getClass() != getClass()) {
            return false;
        }
        Tuple that = (Tuple) other;
        for (int i = 0; i < arity(); i++) {
            if (!Objects.equals(getField(i), that.getField(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public final int hashCode() {
        int hash = arity();
        for (int i = 0; i < arity(); i++) {
            hash = 31 * hash + Objects.hashCode(getField(i));
        }
        return hash;
    }

    @Override
    public final String toString() {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < arity(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(getField(i) == null ? "null" : getField(i).toString());
        }
        return text.append(')').toString();
    }
}
