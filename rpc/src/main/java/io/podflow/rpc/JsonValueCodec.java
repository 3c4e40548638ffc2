package io.podflow.rpc;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;

/** A value as length-prefixed JSON, read into the receiver's declared type (records, registered types, ...). */
final class JsonValueCodec implements ValueCodec {

    private final ObjectWriter writer;
    private final ObjectReader reader;

    JsonValueCodec(ObjectWriter writer, ObjectReader reader) {
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public void write(Object value, WireOutput out) throws IOException {
        out.writeSized(writer.writeValueAsBytes(value));
    }

    @Override
    public Object read(WireInput in) throws IOException {
        return in.readSized(reader::readValue);
    }
}
