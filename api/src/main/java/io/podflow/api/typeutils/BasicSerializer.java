package io.podflow.api.typeutils;

/** Serializers for the boxed primitives and String, with no per-value type information. */
public enum BasicSerializer implements TypeSerializer<Object> {
    BOOLEAN(Boolean.class) {
        @Override
        public void serialize(Object value, DataOutputView out) {
            out.writeBoolean((Boolean) value);
        }

        @Override
        public Object deserialize(DataInputView in) {
            return in.readBoolean();
        }
    },
    BYTE(Byte.class) {
        @Override
        public void serialize(Object value, DataOutputView out) {
            out.writeByte((Byte) value);
        }

        @Override
        public Object deserialize(DataInputView in) {
            return (byte) in.readByte();
        }
    },
    SHORT(Short.class) {
        @Override
        public void serialize(Object value, DataOutputView out) {
            out.writeShort((Short) value);
        }

        @Override
        public Object deserialize(DataInputView in) {
            return in.readShort();
        }
    },
    CHAR(Character.class) {
        @Override
        public void serialize(Object value, DataOutputView out) {
            out.writeChar((Character) value);
        }

        @Override
        public Object deserialize(DataInputView in) {
            return in.readChar();
        }
    },
    INT(Integer.class) {
        @Override
        public void serialize(Object value, DataOutputView out) {
            out.writeInt((Integer) value);
        }

        @Override
        public Object deserialize(DataInputView in) {
            return in.readInt();
        }
    },
    LONG(Long.class) {
        @Override
        public void serialize(Object value, DataOutputView out) {
            out.writeLong((Long) value);
        }

        @Override
        public Object deserialize(DataInputView in) {
            return in.readLong();
        }
    },
    FLOAT(Float.class) {
        @Override
        public void serialize(Object value, DataOutputView out) {
            out.writeFloat((Float) value);
        }

        @Override
        public Object deserialize(DataInputView in) {
            return in.readFloat();
        }
    },
    DOUBLE(Double.class) {
        @Override
        public void serialize(Object value, DataOutputView out) {
            out.writeDouble((Double) value);
        }

        @Override
        public Object deserialize(DataInputView in) {
            return in.readDouble();
        }
    },
    STRING(String.class) {
        @Override
        public void serialize(Object value, DataOutputView out) {
            out.writeString((String) value);
        }

        @Override
        public Object deserialize(DataInputView in) {
            return in.readString();
        }
    };

    private final Class<?> type;

    BasicSerializer(Class<?> type) {
        this.type = type;
    }

    /** The serializer for values of exactly {@code type}, or null when it is not a basic type. */
    public static BasicSerializer forClass(Class<?> type) {
        for (BasicSerializer serializer : values()) {
            if (serializer.type == type) {
                return serializer;
            }
        }
        return null;
    }
}
