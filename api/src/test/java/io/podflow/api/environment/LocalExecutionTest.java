package io.podflow.api.environment;

import io.podflow.api.functions.Collector;
import io.podflow.api.functions.KeyedProcessFunction;
import io.podflow.api.functions.RuntimeContext;
import io.podflow.api.functions.SourceFunction;
import io.podflow.api.state.ValueState;
import io.podflow.api.state.ValueStateDescriptor;
import io.podflow.api.tuple.Tuple2;
import io.podflow.api.tuple.Tuple3;
import io.podflow.api.windowing.Time;
import io.podflow.api.windowing.TumblingEventTimeWindows;
import io.podflow.api.windowing.WatermarkStrategy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalExecutionTest {

    private static final ConcurrentLinkedQueue<Object> RESULTS = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void clearResults() {
        RESULTS.clear();
    }

    private static List<Object> sortedResults() {
        List<Object> results = new ArrayList<>(RESULTS);
        results.sort((a, b) -> a.toString().compareTo(b.toString()));
        return results;
    }

    /** Each subtask emits (key, timestamp) for its own stretch of time, out of order by up to 2 s. */
    static final class OutOfOrderEvents implements SourceFunction<Tuple2<String, Long>> {
        @Override
        public void run(SourceContext<Tuple2<String, Long>> context) throws InterruptedException {
            for (long second = 0; second < 60; second++) {
                long jitter = (second % 3) * 1000;
                long timestamp = Math.max(0, second * 1000 - jitter) + context.subtaskIndex();
                context.collect(Tuple2.of(second % 2 == 0 ? "even" : "odd", timestamp));
            }
        }

        @Override
        public void cancel() {
        }
    }

    @Test
    void eventTimeWindowsOverParallelOutOfOrderSourcesCountEveryRecordOnce() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        env.getConfig().setAutoWatermarkInterval(1);
        env.addSource(new OutOfOrderEvents())
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(
                        Duration.ofSeconds(2)).withTimestampAssigner((event, previous) -> event.f1))
                .map(event -> Tuple2.of(event.f0, 1))
                .keyBy(0)
                .window(TumblingEventTimeWindows.of(Time.seconds(10)))
                .sum(1)
                .addSink(value -> RESULTS.add(value));
        env.execute("event time");

        Map<String, Integer> expected = new HashMap<>();
        for (int subtask = 0; subtask < 3; subtask++) {
            for (long second = 0; second < 60; second++) {
                long timestamp = Math.max(0, second * 1000 - (second % 3) * 1000) + subtask;
                expected.merge((second % 2 == 0 ? "even" : "odd") + "@" + timestamp / 10_000, 1, Integer::sum);
            }
        }
        assertEquals(expected.values().stream().mapToInt(Integer::intValue).sum(),
                RESULTS.stream().mapToInt(result -> (Integer) ((Tuple2<?, ?>) result).f1).sum(), "no record lost");
        assertEquals(expected.size(), RESULTS.size(), "one result per key and window");
    }

    @Test
    void windowJoinPairsRecordsWithTheSameKeyInTheSameWindow() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        WatermarkStrategy<Tuple3<String, Integer, Long>> byTimestamp = WatermarkStrategy
                .<Tuple3<String, Integer, Long>>forMonotonousTimestamps().withTimestampAssigner((e, p) -> e.f2);
        var grades = env.fromElements(Tuple3.of("alice", 1, 100L), Tuple3.of("bob", 2, 200L),
                Tuple3.of("alice", 3, 1200L)).assignTimestampsAndWatermarks(byTimestamp);
        var salaries = env.fromElements(Tuple3.of("alice", 5000, 150L), Tuple3.of("carol", 7000, 300L),
                Tuple3.of("alice", 6000, 1100L), Tuple3.of("alice", 6500, 1900L))
                .assignTimestampsAndWatermarks(byTimestamp);
        grades.join(salaries)
                .where(grade -> grade.f0)
                .equalTo(salary -> salary.f0)
                .window(TumblingEventTimeWindows.of(Time.seconds(1)))
                .apply((grade, salary) -> Tuple3.of(grade.f0, grade.f1, salary.f1))
                .addSink(value -> RESULTS.add(value));
        env.execute("window join");
        assertEquals(List.of(Tuple3.of("alice", 1, 5000), Tuple3.of("alice", 3, 6000), Tuple3.of("alice", 3, 6500)),
                sortedResults());
    }

    /** Counts per key in value state and reports each key once, from an event-time timer at the end. */
    static final class CountWithState extends KeyedProcessFunction<String, String, Tuple2<String, Long>> {
        private transient ValueState<Long> count;

        @Override
        public void open(RuntimeContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", 0L));
        }

        @Override
        public void processElement(String word, Context<String> context, Collector<Tuple2<String, Long>> out) {
            count.update(count.value() + 1);
            context.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
        }

        @Override
        public void onTimer(long timestamp, Context<String> context, Collector<Tuple2<String, Long>> out) {
            out.collect(Tuple2.of(context.getCurrentKey(), count.value()));
        }
    }

    @Test
    void processWithValueStateKeepsOneValuePerKey() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        env.fromElements("to", "be", "or", "not", "to", "be", "to")
                .keyBy(word -> word)
                .process(new CountWithState())
                .addSink(value -> RESULTS.add(value));
        env.execute("keyed state");
        assertEquals(List.of(Tuple2.of("be", 2L), Tuple2.of("not", 1L), Tuple2.of("or", 1L), Tuple2.of("to", 3L)),
                sortedResults());
    }

    @Test
    void rollingMinAndMaxKeepTheFirstRecordsOtherFields() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        var readings = env.fromElements(Tuple3.of("s", 5, "first"), Tuple3.of("s", 2, "second"),
                Tuple3.of("s", 9, "third"));
        readings.keyBy(0).min(1).addSink(value -> RESULTS.add("min " + value));
        readings.keyBy(0).max(1).addSink(value -> RESULTS.add("max " + value));
        env.execute("min max");
        List<Object> results = new ArrayList<>(RESULTS);
        assertTrue(results.containsAll(List.of("min (s,2,first)", "max (s,9,first)")), results.toString());
    }

    /** A POJO as Flink's WordCount examples use it. */
    public static class WordWithCount {
        public String word;
        private long count;

        public WordWithCount() {
        }

        public WordWithCount(String word, long count) {
            this.word = word;
            this.count = count;
        }

        public long getCount() {
            return count;
        }

        public void setCount(long count) {
            this.count = count;
        }

        @Override
        public String toString() {
            return word + "=" + count;
        }
    }

    @Test
    void pojoFieldsByNameWorkForKeyByAndSum() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        var words = env.fromElements("a", "b", "a", "a").map(word -> new WordWithCount(word, 1));
        words.keyBy("word").sum("count").addSink(value -> RESULTS.add("rolling " + value));
        words.keyBy("word").timeWindow(Time.hours(1)).sum("count").addSink(value -> RESULTS.add("window " + value));
        env.execute("pojo word count");
        List<Object> results = sortedResults();
        assertTrue(results.containsAll(List.of("rolling a=1", "rolling a=2", "rolling a=3", "rolling b=1")),
                results.toString());
        long windowed = results.stream().filter(result -> result.toString().startsWith("window")).count();
        assertTrue(results.contains("window b=1") && (results.contains("window a=3") || windowed == 3),
                "an hour-long window is cut by the clock at most once: " + results);
    }

    @Test
    void aFailingUserFunctionFailsTheJobWithItsMessage() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, 1000)
                .map(n -> {
                    if (n == 500) {
                        throw new IllegalArgumentException("bad record " + n);
                    }
                    return n;
                })
                .addSink(value -> RESULTS.add(value));
        JobExecutionException error = assertThrows(JobExecutionException.class, () -> env.execute("failing"));
        assertTrue(error.getMessage().contains("bad record 500"), error.getMessage());
    }

    @Test
    void anInstalledContextReceivesTheJobGraphInsteadOfRunningLocally() throws Exception {
        List<String> submitted = new ArrayList<>();
        ExecutionEnvironmentContext.install(graph -> {
            submitted.add(graph.name() + " p" + graph.maxParallelism());
            return new JobExecutionResult(graph.jobId(), graph.name(), 0);
        }, 3);
        try {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.fromSequence(1, 10).addSink(value -> RESULTS.add(value));
            env.execute("submitted");
        } finally {
            ExecutionEnvironmentContext.uninstall();
        }
        assertEquals(List.of("submitted p3"), submitted);
        assertTrue(RESULTS.isEmpty(), "nothing ran in this process");
    }
}
