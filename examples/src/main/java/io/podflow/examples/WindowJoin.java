package io.podflow.examples;

import io.podflow.api.datastream.DataStream;
import io.podflow.api.environment.StreamExecutionEnvironment;
import io.podflow.api.functions.SourceFunction;
import io.podflow.api.tuple.Tuple2;
import io.podflow.api.tuple.Tuple3;
import io.podflow.api.windowing.Time;
import io.podflow.api.windowing.TumblingProcessingTimeWindows;

import java.util.List;
import java.util.Random;

/**
 * Joins two generated streams, (name, grade) and (name, salary), on the name within 2 s processing-time windows
 * and prints (name, grade, salary). {@code --rate R} records per second per stream (3), {@code --records N} per
 * stream before the job ends (unbounded when absent).
 */
public final class WindowJoin {

    static final List<String> NAMES = List.of("tom", "jerry", "alice", "bob", "john", "grace");
    private static final long WINDOW_MILLIS = 2000;

    private WindowJoin() {
    }

    public static void main(String[] args) throws Exception {
        ExampleArguments arguments = new ExampleArguments(args);
        long records = arguments.getLong("records", Long.MAX_VALUE);
        long rate = arguments.getLong("rate", 3);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        DataStream<Tuple2<String, Integer>> grades = env.addSource(new NameValueSource(records, rate, 1, 5, 1));
        DataStream<Tuple2<String, Integer>> salaries =
                env.addSource(new NameValueSource(records, rate, 1000, 10_000, 2));
        grades.join(salaries)
                .where(grade -> grade.f0)
                .equalTo(salary -> salary.f0)
                .window(TumblingProcessingTimeWindows.of(Time.milliseconds(WINDOW_MILLIS)))
                .apply((grade, salary) -> Tuple3.of(grade.f0, grade.f1, salary.f1))
                .print();
        env.execute("WindowJoin");
    }

    /** Emits (random name, random value in [low, high]) at a fixed rate, {@code records} in all per subtask. */
    static final class NameValueSource implements SourceFunction<Tuple2<String, Integer>> {

        private final long records;
        private final long perSecond;
        private final int low;
        private final int high;
        private final long seed;
        private volatile boolean running = true;

        NameValueSource(long records, long perSecond, int low, int high, long seed) {
            this.records = records;
            this.perSecond = perSecond;
            this.low = low;
            this.high = high;
            this.seed = seed;
        }

        @Override
        public void run(SourceContext<Tuple2<String, Integer>> context) throws Exception {
            Random random = new Random(seed * 31 + context.subtaskIndex());
            long pauseMillis = 1000 / Math.max(1, perSecond);
            for (long n = 0; n < records && running; n++) {
                String name = NAMES.get(random.nextInt(NAMES.size()));
                context.collect(Tuple2.of(name, low + random.nextInt(high - low + 1)));
                Thread.sleep(pauseMillis);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }
}
