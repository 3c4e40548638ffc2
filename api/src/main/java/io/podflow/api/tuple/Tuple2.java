package io.podflow.api.tuple;

/** A record of two public fields, printed as {@code (f0,f1)}. */
public class Tuple2<T0, T1> extends Tuple {

    public T0 f0;
    public T1 f1;

    /** An empty tuple, for serializers and users that fill the fields afterwards. */
    public Tuple2() {
    }

    public Tuple2(T0 f0, T1 f1) {
        this.f0 = f0;
        this.f1 = f1;
    }

    public static <T0, T1> Tuple2<T0, T1> of(T0 f0, T1 f1) {
        return new Tuple2<>(f0, f1);
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int position) {
        return switch (position) {
            case 0 -> (T) f0;
            case 1 -> (T) f1;
            default -> throw noSuchField(position);
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void setField(int position, Object value) {
        switch (position) {
            case 0 -> f0 = (T0) value;
            case 1 -> f1 = (T1) value;
            default -> throw noSuchField(position);
        }
    }

    @Override
    public Tuple2<T0, T1> copy() {
        return new Tuple2<>(f0, f1);
    }
}
