package io.podflow.api.typeutils;

import io.podflow.api.tuple.Tuple;
import io.podflow.api.tuple.Tuple2;
import io.podflow.api.tuple.Tuple3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serializes any record value behind a one-byte type tag, so no type information has to survive from the user's
 * lambdas: basic types, {@link Tuple2}/{@link Tuple3} (fields tagged recursively) and POJOs get explicit
 * serializers; other {@link Serializable} values fall back to Java serialization with a one-time warning per class.
 * One instance per task thread: it caches serializers per class and is not thread-safe.
 */
public final class RecordSerializer implements TypeSerializer<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(RecordSerializer.class);

    private static final Set<String> WARNED_CLASSES = ConcurrentHashMap.newKeySet();

    private static final int NULL = 0;
    private static final int BASIC = 1;
    private static final int TUPLE2 = 2;
    private static final int TUPLE3 = 3;
    private static final int POJO = 4;
    private static final int JAVA = 5;

    private final ClassLoader classLoader;
    private final Map<Class<?>, Encoding> byClass = new HashMap<>();
    private final Map<String, PojoSerializer<?>> pojosByName = new HashMap<>();
    private final TupleSerializer<Tuple2<Object, Object>> tuple2 = new TupleSerializer<>(Tuple2::new, this);
    private final TupleSerializer<Tuple3<Object, Object, Object>> tuple3 = new TupleSerializer<>(Tuple3::new, this);

    public RecordSerializer(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** The bytes of one value, in a fresh array. */
    public byte[] toBytes(Object value) {
        DataOutputView out = new DataOutputView();
        serialize(value, out);
        return out.toByteArray();
    }

    public Object fromBytes(byte[] bytes) {
        return deserialize(new DataInputView(bytes));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void serialize(Object value, DataOutputView out) {
        if (value == null) {
            out.writeByte(NULL);
            return;
        }
        Encoding encoding = byClass.computeIfAbsent(value.getClass(), this::encodingOf);
        out.writeByte(encoding.tag);
        if (encoding.basic != null) {
            out.writeByte(encoding.basic.ordinal());
            encoding.basic.serialize(value, out);
        } else if (encoding.tag == POJO) {
            out.writeString(value.getClass().getName());
            ((TypeSerializer) encoding.serializer).serialize(value, out);
        } else if (encoding.tag == JAVA) {
            out.writeByteArray(JavaSerialization.toBytes((Serializable) value));
        } else {
            ((TypeSerializer) encoding.serializer).serialize(value, out);
        }
    }

    @Override
    public Object deserialize(DataInputView in) {
        int tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case BASIC -> BasicSerializer.values()[in.readByte()].deserialize(in);
            case TUPLE2 -> tuple2.deserialize(in);
            case TUPLE3 -> tuple3.deserialize(in);
            case POJO -> pojoNamed(in.readString()).deserialize(in);
            case JAVA -> JavaSerialization.fromBytes(in.readByteArray(), classLoader);
            default -> throw new IllegalStateException("Corrupt record: unknown type tag " + tag);
        };
    }

    private Encoding encodingOf(Class<?> type) {
        BasicSerializer basic = BasicSerializer.forClass(type);
        if (basic != null) {
            return new Encoding(BASIC, basic, null);
        }
        if (type == Tuple2.class) {
            return new Encoding(TUPLE2, null, tuple2);
        }
        if (type == Tuple3.class) {
            return new Encoding(TUPLE3, null, tuple3);
        }
        if (!Tuple.class.isAssignableFrom(type)) {
            Optional<? extends PojoSerializer<?>> pojo = PojoSerializer.forClass(type, this);
            if (pojo.isPresent()) {
                pojosByName.put(type.getName(), pojo.get());
                return new Encoding(POJO, null, pojo.get());
            }
        }
        if (!Serializable.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("Cannot send records of type " + type.getName() + ": it is neither a "
                    + "tuple, a POJO (public no-argument constructor, public fields or getters/setters) nor "
                    + "Serializable");
        }
        if (WARNED_CLASSES.add(type.getName())) {
            LOG.warn("Records of type {} are not a basic type, Tuple2/Tuple3 or POJO; they go through Java "
                    + "serialization, which is slow. Make the type a POJO (public no-argument constructor, public "
                    + "fields or getters/setters) to use a fast serializer.", type.getName());
        }
        return new Encoding(JAVA, null, null);
    }

    private PojoSerializer<?> pojoNamed(String className) {
        PojoSerializer<?> known = pojosByName.get(className);
        if (known != null) {
            return known;
        }
        Class<?> type;
        try {
            type = Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A record names class " + className + ", which is not in the job's "
                    + "class path", e);
        }
        byClass.computeIfAbsent(type, this::encodingOf);
        PojoSerializer<?> pojo = pojosByName.get(className);
        if (pojo == null) {
            throw new IllegalStateException("A record was sent as POJO " + className + ", which is not a POJO here");
        }
        return pojo;
    }

    /** How values of one class are written: the tag, and the serializer behind it. */
    private record Encoding(int tag, BasicSerializer basic, TypeSerializer<?> serializer) {
    }
}
