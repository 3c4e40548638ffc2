package io.podflow.api.typeutils;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Serializes a POJO (public class, public no-argument constructor, every instance field public or reachable
 * through a public getter and setter, at least one field) field by field in name order; the fields are found by
 * reflection once.
 */
public final class PojoSerializer<T> implements TypeSerializer<T> {

    private final Constructor<T> constructor;
    private final List<PojoField> fields;
    private final TypeSerializer<Object> fieldSerializer;

    private PojoSerializer(Constructor<T> constructor, List<PojoField> fields, TypeSerializer<Object> fieldSerializer) {
        this.constructor = constructor;
        this.fields = fields;
        this.fieldSerializer = fieldSerializer;
    }

    /** A serializer for {@code type} when it follows the POJO rules; empty otherwise. */
    public static <T> Optional<PojoSerializer<T>> forClass(Class<T> type, TypeSerializer<Object> fieldSerializer) {
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())
                || type.isInterface() || type.isArray() || type.isEnum()
                || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
            return Optional.empty();
        }
        Constructor<T> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
        List<PojoField> fields = new ArrayList<>();
        for (Class<?> declaring = type; declaring != Object.class; declaring = declaring.getSuperclass()) {
            for (Field field : declaring.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
                    continue;
                }
                Optional<PojoField> accessor = PojoField.of(type, field);
                if (accessor.isEmpty()) {
                    return Optional.empty();
                }
                fields.add(accessor.get());
            }
        }
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        fields.sort(Comparator.comparing(PojoField::name));
        return Optional.of(new PojoSerializer<>(constructor, List.copyOf(fields), fieldSerializer));
    }

    @Override
    public void serialize(T value, DataOutputView out) {
        for (PojoField field : fields) {
            fieldSerializer.serialize(field.get(value), out);
        }
    }

    @Override
    public T deserialize(DataInputView in) {
        T value;
        try {
            value = constructor.newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot create an instance of POJO " + constructor.getDeclaringClass()
                    .getName() + ": " + e, e);
        }
        for (PojoField field : fields) {
            field.set(value, fieldSerializer.deserialize(in));
        }
        return value;
    }
}
