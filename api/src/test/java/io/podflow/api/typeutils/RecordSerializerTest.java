package io.podflow.api.typeutils;

import io.podflow.api.tuple.Tuple2;
import io.podflow.api.tuple.Tuple3;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordSerializerTest {

    private final RecordSerializer serializer = new RecordSerializer(getClass().getClassLoader());

    private Object roundTrip(Object value) {
        return serializer.fromBytes(serializer.toBytes(value));
    }

    @Test
    void basicTypesRoundTrip() {
        List<Object> values = List.of(true, (byte) -3, (short) 1234, 'ü', Integer.MIN_VALUE, Long.MAX_VALUE,
                1.5f, Math.PI, "", "plain ascii", "grüße, 世界 🌍");
        for (Object value : values) {
            Object back = roundTrip(value);
            assertEquals(value, back);
            assertEquals(value.getClass(), back.getClass());
        }
        assertEquals(null, roundTrip(null));
    }

    @Test
    void longStringsRoundTrip() {
        String text = "ab".repeat(100_000) + "é";
        assertEquals(text, roundTrip(text));
    }

    @Test
    void tuplesRoundTripWithNestedAndNullFields() {
        Tuple3<String, Tuple2<Integer, Long>, Double> value = Tuple3.of("k", Tuple2.of(1, null), 2.0);
        assertEquals(value, roundTrip(value));
    }

    @Test
    void basicValuesAreCompact() {
        // tag + basic kind + 4 bytes: no class names on the wire
        assertEquals(6, serializer.toBytes(42).length);
        assertEquals(2 + 1 + 5, serializer.toBytes("hello").length);
    }

    @Test
    void pojosWithPublicFieldsOrAccessorsRoundTrip() {
        Reading reading = new Reading();
        reading.sensor = "s-1";
        reading.value = 3.25;
        reading.setTimestamp(99L);
        reading.setTags(Tuple2.of("room", "kitchen"));
        Reading back = (Reading) roundTrip(reading);
        assertEquals(reading, back);
        String encoded = new String(serializer.toBytes(reading), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(encoded.contains(Reading.class.getName()), "POJOs carry their class name");
        assertTrue(!encoded.contains("java.io"), "POJOs do not use Java serialization");
    }

    @Test
    void otherSerializableValuesFallBackToJavaSerialization() {
        assertEquals(new BigDecimal("12.345"), roundTrip(new BigDecimal("12.345")));
        Immutable value = new Immutable("x", 3);
        assertEquals(value, roundTrip(value));
    }

    @Test
    void valuesThatCannotBeSentAreRefusedWithTheirClassNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> serializer.toBytes(new NotSendable("x")));
        assertTrue(error.getMessage().contains(NotSendable.class.getName()), error.getMessage());
    }

    @Test
    void manyRecordsShareOneOutputView() {
        DataOutputView out = new DataOutputView(16);
        for (int i = 0; i < 1000; i++) {
            serializer.serialize(Tuple2.of("word" + i, i), out);
        }
        DataInputView in = new DataInputView(out.toByteArray());
        for (int i = 0; i < 1000; i++) {
            assertEquals(Tuple2.of("word" + i, i), serializer.deserialize(in));
        }
        assertEquals(0, in.available());
    }

    @Test
    void truncatedBytesFailClearly() {
        byte[] bytes = serializer.toBytes(Tuple2.of("hello", 1));
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 2);
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> serializer.fromBytes(truncated));
        assertTrue(error.getMessage().startsWith("Corrupt record"), error.getMessage());
    }

    /** A POJO mixing public fields and getter/setter fields. */
    public static class Reading {
        public String sensor;
        public double value;
        private long timestamp;
        private Tuple2<String, String> tags;

        public long getTimestamp() {
            return timestamp;
        }

        public void setTimestamp(long timestamp) {
            this.timestamp = timestamp;
        }

        public Tuple2<String, String> getTags() {
            return tags;
        }

        public void setTags(Tuple2<String, String> tags) {
            this.tags = tags;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Reading that && Objects.equals(sensor, that.sensor) && value == that.value
                    && timestamp == that.timestamp && Objects.equals(tags, that.tags);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sensor, value, timestamp, tags);
        }
    }

    /** Neither a POJO nor Serializable. */
    record NotSendable(String name) {
    }

    /** Not a POJO (final fields, no no-arg constructor), but Serializable. */
    record Immutable(String name, int count) implements Serializable {
    }
}
