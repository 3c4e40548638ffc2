package io.podflow.rpc;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The allow-list of types that may cross the wire: JDK value types and collections, plus the classes an
 * application registers. Gateway signatures are checked against it when a gateway or endpoint is set up, and
 * polymorphic values (Jackson type ids) are resolved only to allowed classes, so a peer can never make this
 * process instantiate a class it did not choose.
 */
public final class RpcTypeRegistry {

    private static final Set<Class<?>> JDK_VALUES = Set.of(
            Boolean.class, Byte.class, Short.class, Integer.class, Long.class, Float.class, Double.class,
            Character.class, String.class, UUID.class, Duration.class, Instant.class, BigDecimal.class,
            BigInteger.class, Void.class, byte[].class);

    private static final Set<Class<?>> CONTAINERS = Set.of(
            Collection.class, List.class, Set.class, Map.class, ArrayList.class, HashMap.class, HashSet.class,
            LinkedHashMap.class, LinkedHashSet.class);

    private final Set<Class<?>> registered = ConcurrentHashMap.newKeySet();

    /** Allows these application types (records, classes, enums) on the wire. */
    public RpcTypeRegistry register(Class<?>... types) {
        for (Class<?> type : types) {
            registered.add(type);
        }
        return this;
    }

    /** True if values of exactly this class may be decoded from a peer. */
    public boolean isAllowed(Class<?> type) {
        if (type.isPrimitive() || JDK_VALUES.contains(type) || CONTAINERS.contains(type) || registered.contains(type)) {
            return true;
        }
        return type.isArray() && isAllowed(type.getComponentType());
    }

    private boolean isAllowedName(String className) {
        for (Class<?> type : registered) {
            if (type.getName().equals(className)) {
                return true;
            }
        }
        for (Class<?> type : JDK_VALUES) {
            if (type.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    /** Throws {@link RpcCodecException} naming {@code where} if a declared type uses a type not allowed. */
    void checkDeclared(Type type, String where) {
        if (type instanceof Class<?> raw) {
            if (!isAllowed(raw)) {
                throw notAllowed(raw.getName(), where);
            }
        } else if (type instanceof ParameterizedType parameterized) {
            checkDeclared(parameterized.getRawType(), where);
            for (Type argument : parameterized.getActualTypeArguments()) {
                checkDeclared(argument, where);
            }
        } else if (type instanceof GenericArrayType array) {
            checkDeclared(array.getGenericComponentType(), where);
        } else {
            throw new RpcCodecException("Type " + type.getTypeName() + " in " + where
                    + " is not concrete; RPC signatures need concrete, allow-listed types");
        }
    }

    private static RpcCodecException notAllowed(String typeName, String where) {
        return new RpcCodecException("Type " + typeName + " in " + where
                + " is not allowed on the RPC wire; register it with RpcTypeRegistry#register");
    }

    /** Lets Jackson resolve a polymorphic type id only to an allowed class. */
    PolymorphicTypeValidator validator() {
        return new PolymorphicTypeValidator.Base() {
            private static final long serialVersionUID = 1L;

            @Override
            public Validity validateSubType(MapperConfig<?> config, JavaType baseType, JavaType subType) {
                return isAllowed(subType.getRawClass()) ? Validity.ALLOWED : Validity.DENIED;
            }

            @Override
            public Validity validateSubClassName(MapperConfig<?> config, JavaType baseType, String subClassName) {
                // decided by name so that a class a peer names is never even loaded unless it is allowed
                return isAllowedName(subClassName) ? Validity.ALLOWED : Validity.DENIED;
            }

            @Override
            public Validity validateBaseType(MapperConfig<?> config, JavaType baseType) {
                return Validity.INDETERMINATE;
            }
        };
    }

}
