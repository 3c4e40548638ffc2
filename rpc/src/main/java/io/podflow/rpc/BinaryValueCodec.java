package io.podflow.rpc;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Compact binary forms of the JDK types most RPC methods use. Reference types carry a presence byte so null
 * travels; primitives never are null.
 */
enum BinaryValueCodec implements ValueCodec {

    BYTES {
        @Override
        void writePresent(Object value, WireOutput out) {
            out.writeSized((byte[]) value);
        }

        @Override
        Object readPresent(WireInput in) throws IOException {
            return in.readSized();
        }
    },
    STRING {
        @Override
        void writePresent(Object value, WireOutput out) {
            out.writeString((String) value);
        }

        @Override
        Object readPresent(WireInput in) throws IOException {
            return in.readString();
        }
    },
    UUID_VALUE {
        @Override
        void writePresent(Object value, WireOutput out) {
            UUID uuid = (UUID) value;
            out.writeLong(uuid.getMostSignificantBits());
            out.writeLong(uuid.getLeastSignificantBits());
        }

        @Override
        Object readPresent(WireInput in) throws IOException {
            return new UUID(in.readLong(), in.readLong());
        }
    },
    DURATION {
        @Override
        void writePresent(Object value, WireOutput out) {
            Duration duration = (Duration) value;
            out.writeLong(duration.getSeconds());
            out.writeInt(duration.getNano());
        }

        @Override
        Object readPresent(WireInput in) throws IOException {
            long seconds = in.readLong();
            int nanos = in.readInt();
            if (nanos < 0 || nanos > 999_999_999) {
                throw new IOException("Duration nanos out of range: " + nanos);
            }
            return Duration.ofSeconds(seconds, nanos);
        }
    },
    LONG {
        @Override
        void writePresent(Object value, WireOutput out) {
            out.writeLong((Long) value);
        }

        @Override
        Object readPresent(WireInput in) throws IOException {
            return in.readLong();
        }
    },
    INT {
        @Override
        void writePresent(Object value, WireOutput out) {
            out.writeInt((Integer) value);
        }

        @Override
        Object readPresent(WireInput in) throws IOException {
            return in.readInt();
        }
    },
    BOOLEAN {
        @Override
        void writePresent(Object value, WireOutput out) {
            out.writeByte((Boolean) value ? 1 : 0);
        }

        @Override
        Object readPresent(WireInput in) throws IOException {
            return in.readByte() != 0;
        }
    },
    /** {@code CompletableFuture<Void>} results: always null, nothing on the wire. */
    VOID {
        @Override
        public void write(Object value, WireOutput out) {
        }

        @Override
        public Object read(WireInput in) {
            return null;
        }

        @Override
        void writePresent(Object value, WireOutput out) {
            throw new IllegalStateException("Void has no present values");
        }

        @Override
        Object readPresent(WireInput in) {
            throw new IllegalStateException("Void has no present values");
        }
    };

    private static final Map<Class<?>, BinaryValueCodec> BY_CLASS = Map.ofEntries(
            Map.entry(byte[].class, BYTES), Map.entry(String.class, STRING), Map.entry(UUID.class, UUID_VALUE),
            Map.entry(Duration.class, DURATION), Map.entry(Long.class, LONG), Map.entry(long.class, LONG),
            Map.entry(Integer.class, INT), Map.entry(int.class, INT), Map.entry(Boolean.class, BOOLEAN),
            Map.entry(boolean.class, BOOLEAN), Map.entry(Void.class, VOID));

    /** The binary codec for exactly this class, or null if it travels as JSON. */
    static BinaryValueCodec forClass(Class<?> type) {
        return BY_CLASS.get(type);
    }

    @Override
    public void write(Object value, WireOutput out) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            writePresent(value, out);
        }
    }

    @Override
    public Object read(WireInput in) throws IOException {
        return switch (in.readByte()) {
            case 0 -> null;
            case 1 -> readPresent(in);
            default -> throw new IOException("bad presence byte");
        };
    }

    abstract void writePresent(Object value, WireOutput out) throws IOException;

    abstract Object readPresent(WireInput in) throws IOException;
}
