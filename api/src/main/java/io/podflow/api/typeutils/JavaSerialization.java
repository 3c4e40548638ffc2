package io.podflow.api.typeutils;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/** Java serialization to and from byte arrays, loading classes from a given class loader. */
public final class JavaSerialization {

    private JavaSerialization() {
    }

    /** The bytes of {@code value}; fails with the offending class named when something in it is not serializable. */
    public static byte[] toBytes(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("Cannot serialize " + value.getClass().getName() + ": it holds a "
                    + e.getMessage() + ", which is not Serializable (make it Serializable or a transient field)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot serialize " + value.getClass().getName() + ": " + e, e);
        }
        return bytes.toByteArray();
    }

    /** Reads back what {@link #toBytes} wrote, resolving classes in {@code classLoader}. */
    @SuppressWarnings("unchecked")
    public static <T> T fromBytes(byte[] bytes, ClassLoader classLoader) {
        try (ObjectInputStream in = new UserClassObjectInputStream(new ByteArrayInputStream(bytes), classLoader)) {
            return (T) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot deserialize: " + e, e);
        }
    }
}
