package io.podflow.dist.job;

import io.podflow.protocol.task.Invokable;
import io.podflow.protocol.task.RecordWriter;
import io.podflow.protocol.task.TaskContext;

/** Emits {@code count} records of {@code bytes} bytes each as fast as its output takes them. */
public final class FastPayloadSource implements Invokable {

    public static final String COUNT = "count";
    public static final String BYTES = "bytes";

    @Override
    public void invoke(TaskContext context) throws Exception {
        long count = Long.parseLong(context.configuration().get(COUNT));
        int bytes = Integer.parseInt(context.configuration().get(BYTES));
        RecordWriter out = context.outputs().get(0);
        for (long n = 0; n < count; n++) {
            byte[] record = new byte[bytes];
            record[0] = (byte) n;
            out.emit(record);
        }
    }
}
