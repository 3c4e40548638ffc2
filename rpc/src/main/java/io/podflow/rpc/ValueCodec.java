package io.podflow.rpc;

import java.io.IOException;
import java.lang.reflect.Type;

/**
 * Writes and reads values of one declared type. Common JDK types have a compact binary form; everything else is
 * allow-listed JSON. The receiver always picks the codec from its own declared type, never from the peer's bytes.
 */
interface ValueCodec {

    void write(Object value, WireOutput out) throws IOException;

    Object read(WireInput in) throws IOException;

    /** The binary codec for {@code declared} if it has one, else JSON read into exactly that type. */
    static ValueCodec forType(Type declared, PayloadCodec codec) {
        ValueCodec binary = declared instanceof Class<?> type ? BinaryValueCodec.forClass(type) : null;
        return binary != null ? binary : new JsonValueCodec(codec.writer(codec.type(declared)),
                codec.reader(codec.type(declared)));
    }
}
