package io.podflow.api.typeutils;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;

/** Java deserialization that resolves classes in the job's class loader rather than podflow's own. */
public final class UserClassObjectInputStream extends ObjectInputStream {

    private final ClassLoader classLoader;

    public UserClassObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
        super(in);
        this.classLoader = classLoader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
        try {
            return Class.forName(description.getName(), false, classLoader);
        } catch (ClassNotFoundException e) {
            return super.resolveClass(description);
        }
    }
}
