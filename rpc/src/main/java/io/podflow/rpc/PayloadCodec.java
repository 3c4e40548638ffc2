package io.podflow.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Encodes arguments, results and failures as JSON. Values are always read into the type the receiver declared
 * (the gateway method's signature), never into a type the peer names; the only peer-named types are
 * {@code @JsonTypeInfo} ids, and those resolve only through the {@link RpcTypeRegistry} allow-list.
 */
final class PayloadCodec {

    private final ObjectMapper mapper;
    private final ObjectReader failureReader;
    private final ObjectWriter failureWriter;
    private final Map<Class<?>, ObjectReader> readersByClass = new ConcurrentHashMap<>();

    PayloadCodec(RpcTypeRegistry types) {
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .polymorphicTypeValidator(types.validator())
                .enable(MapperFeature.BLOCK_UNSAFE_POLYMORPHIC_BASE_TYPES)
                .build();
        this.failureReader = mapper.readerFor(RemoteFailure.class);
        this.failureWriter = mapper.writerFor(RemoteFailure.class);
    }

    JavaType type(Type declared) {
        return mapper.getTypeFactory().constructType(declared);
    }

    ObjectReader reader(JavaType type) {
        return mapper.readerFor(type);
    }

    ObjectWriter writer(JavaType type) {
        return mapper.writerFor(type);
    }

    byte[] encodeArgs(ObjectWriter[] writers, Object[] args, String what) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(mapper.getFactory()._getBufferRecycler());
             JsonGenerator generator = mapper.getFactory().createGenerator(bytes)) {
            generator.writeStartArray();
            for (int i = 0; i < writers.length; i++) {
                writers[i].writeValue(generator, args[i]);
            }
            generator.writeEndArray();
            generator.flush();
            return bytes.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new RpcCodecException("Cannot encode the arguments of " + what + ": " + e.getMessage(), e);
        }
    }

    Object[] decodeArgs(ObjectReader[] readers, byte[] json, String what) {
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_ARRAY, what);
            Object[] args = new Object[readers.length];
            for (int i = 0; i < readers.length; i++) {
                parser.nextToken();
                args[i] = readers[i].readValue(parser);
            }
            expect(parser.nextToken(), JsonToken.END_ARRAY, what);
            return args;
        } catch (IOException | RuntimeException e) {
            throw new RpcCodecException("Cannot decode the arguments of " + what + ": " + firstLine(e), e);
        }
    }

    byte[] encodeValue(ObjectWriter writer, Object value, String what) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (IOException | RuntimeException e) {
            throw new RpcCodecException("Cannot encode " + what + ": " + firstLine(e), e);
        }
    }

    Object decodeValue(ObjectReader reader, byte[] json, String what) {
        try {
            return reader.readValue(json);
        } catch (IOException | RuntimeException e) {
            throw new RpcCodecException("Cannot decode " + what + ": " + firstLine(e), e);
        }
    }

    /** Encodes a value by its runtime class, for values (fencing tokens) the receiver reads by its own type. */
    byte[] encodeByRuntimeType(Object value, String what) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException | RuntimeException e) {
            throw new RpcCodecException("Cannot encode " + what + ": " + firstLine(e), e);
        }
    }

    Object decodeAs(Class<?> type, byte[] json, String what) {
        return decodeValue(readersByClass.computeIfAbsent(type, mapper::readerFor), json, what);
    }

    byte[] encodeFailure(Throwable error) {
        try {
            return failureWriter.writeValueAsBytes(RemoteFailure.of(error));
        } catch (IOException e) {
            throw new IllegalStateException("A RemoteFailure must always be encodable", e);
        }
    }

    Throwable decodeFailure(byte[] json) {
        try {
            return failureReader.<RemoteFailure>readValue(json).toException();
        } catch (IOException | RuntimeException e) {
            return new RpcCodecException("Cannot decode the remote failure: " + firstLine(e), e);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " in the arguments of " + what + " but found " + actual);
        }
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
