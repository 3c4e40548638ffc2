package io.podflow.e2e.job;

import io.podflow.api.environment.StreamExecutionEnvironment;
import io.podflow.api.functions.SinkFunction;
import io.podflow.api.functions.SourceFunction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A streaming job that never ends by itself: it emits {@code 0..count-1}, then waits until it is cancelled. Each
 * number is appended to file {@code out} at once, so a test sees the job running. Arguments: {@code <out> <count>}.
 */
public final class CountingUntilCancelledProgram {

    private CountingUntilCancelledProgram() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.addSource(new CountThenIdle(Long.parseLong(args[1]))).addSink(new AppendingLines(args[0]));
        env.execute("counting until cancelled");
    }

    /** Emits the numbers below {@code count}, then idles until cancelled. */
    public static final class CountThenIdle implements SourceFunction<Long> {

        private static final long serialVersionUID = 1L;

        private final long count;
        private volatile boolean running = true;

        CountThenIdle(long count) {
            this.count = count;
        }

        @Override
        public void run(SourceContext<Long> context) throws Exception {
            for (long n = 0; n < count && running; n++) {
                context.collect(n);
            }
            synchronized (this) {
                while (running) {
                    wait();
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Appends each record as a line to a file, written through at once. */
    public static final class AppendingLines implements SinkFunction<Long> {

        private static final long serialVersionUID = 1L;

        private final String path;

        AppendingLines(String path) {
            this.path = path;
        }

        @Override
        public void invoke(Long value) throws Exception {
            Files.writeString(Path.of(path), value + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}
