package io.podflow.api.typeutils;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;

/** One field of a POJO, read and written directly when public, through its getter and setter otherwise. */
public record PojoField(String name, Field field, Method getter, Method setter) {

    /** The field called {@code name} of {@code type}, or a clear error when it has none a POJO may use. */
    public static PojoField named(Class<?> type, String name) {
        for (Class<?> declaring = type; declaring != null && declaring != Object.class;
                declaring = declaring.getSuperclass()) {
            try {
                Field field = declaring.getDeclaredField(name);
                return of(type, field).orElseThrow(() -> new IllegalArgumentException("Field '" + name + "' of "
                        + type.getName() + " is neither public nor reachable through a public getter and setter"));
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalArgumentException(type.getName() + " has no field '" + name + "'");
    }

    /** The accessor of {@code field}, if it is public or has a public getter and setter. */
    public static Optional<PojoField> of(Class<?> type, Field field) {
        if (Modifier.isPublic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())) {
            return Optional.of(new PojoField(field.getName(), field, null, null));
        }
        String suffix = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        Method getter = publicMethod(type, "get" + suffix);
        if (getter == null && (field.getType() == boolean.class || field.getType() == Boolean.class)) {
            getter = publicMethod(type, "is" + suffix);
        }
        Method setter = publicMethod(type, "set" + suffix, field.getType());
        if (getter == null || setter == null) {
            return Optional.empty();
        }
        return Optional.of(new PojoField(field.getName(), null, getter, setter));
    }

    private static Method publicMethod(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    public Object get(Object pojo) {
        try {
            return field != null ? field.get(pojo) : getter.invoke(pojo);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read field " + name + " of " + pojo.getClass().getName()
                    + ": " + e, e);
        }
    }

    public void set(Object pojo, Object value) {
        try {
            if (field != null) {
                field.set(pojo, value);
            } else {
                setter.invoke(pojo, value);
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot set field " + name + " of " + pojo.getClass().getName()
                    + ": " + e, e);
        }
    }
}
