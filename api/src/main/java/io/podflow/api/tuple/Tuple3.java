package io.podflow.api.tuple;

/** A record of three public fields, printed as {@code (f0,f1,f2)}. */
public class Tuple3<T0, T1, T2> extends Tuple {

    public T0 f0;
    public T1 f1;
    public T2 f2;

    /** An empty tuple, for serializers and users that fill the fields afterwards. */
    public Tuple3() {
    }

    public Tuple3(T0 f0, T1 f1, T2 f2) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
    }

    public static <T0, T1, T2> Tuple3<T0, T1, T2> of(T0 f0, T1 f1, T2 f2) {
        return new Tuple3<>(f0, f1, f2);
    }

    @Override
    public int arity() {
        return 3;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int position) {
        return switch (position) {
            case 0 -> (T) f0;
            case 1 -> (T) f1;
            case 2 -> (T) f2;
            default -> throw noSuchField(position);
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void setField(int position, Object value) {
        switch (position) {
            case 0 -> f0 = (T0) value;
            case 1 -> f1 = (T1) value;
            case 2 -> f2 = (T2) value;
            default -> throw noSuchField(position);
        }
    }

    @Override
    public Tuple3<T0, T1, T2> copy() {
        return new Tuple3<>(f0, f1, f2);
    }
}
