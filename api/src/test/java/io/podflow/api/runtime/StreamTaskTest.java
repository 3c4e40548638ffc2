package io.podflow.api.runtime;

import io.podflow.api.environment.StreamExecutionEnvironment;
import io.podflow.api.environment.TimeCharacteristic;
import io.podflow.api.functions.SourceFunction;
import io.podflow.api.tuple.Tuple2;
import io.podflow.api.windowing.Time;
import io.podflow.api.windowing.WatermarkStrategy;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobVertex;
import io.podflow.protocol.task.RecordReader;
import io.podflow.protocol.task.RecordWriter;
import io.podflow.protocol.task.TaskContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamTaskTest {

    private static final ConcurrentLinkedQueue<Object> RESULTS = new ConcurrentLinkedQueue<>();

    /** The "Window -> Sink" vertex of a job whose keyBy input comes from two producer subtasks. */
    private static JobVertex windowVertex() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.setStreamTimeCharacteristic(TimeCharacteristic.EventTime);
        env.fromSequence(0, 1)
                .map(n -> Tuple2.of("a", 1))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Integer>>forBoundedOutOfOrderness(
                        Duration.ZERO).withTimestampAssigner((record, previous) -> 0L))
                .keyBy(0)
                .timeWindow(Time.seconds(5))
                .sum(1).setParallelism(1)
                .addSink(value -> RESULTS.add(value)).setParallelism(1);
        JobGraph graph = env.getJobGraph("event time");
        return graph.vertices().stream().filter(vertex -> vertex.name().startsWith("Window")).findFirst()
                .orElseThrow();
    }

    @Test
    void eventTimeFollowsTheSlowestProducerSoItsRecordsAreNotLate() throws Exception {
        RESULTS.clear();
        JobVertex vertex = windowVertex();
        LinkedBlockingQueue<byte[]> input = new LinkedBlockingQueue<>();
        Thread task = runTask(vertex, input);
        StreamElementCodec codec = new StreamElementCodec(getClass().getClassLoader());

        input.put(codec.encodeRecord(new StreamRecord(Tuple2.of("a", 1), 1000)));
        input.put(codec.encodeWatermark(0, 6000));
        // producer 1 is behind: event time must stay below 5000 until it catches up
        input.put(codec.encodeRecord(new StreamRecord(Tuple2.of("a", 1), 3000)));
        input.put(codec.encodeWatermark(1, 5500));
        await().atMost(10, TimeUnit.SECONDS).until(() -> RESULTS.size() == 1);
        assertEquals(Tuple2.of("a", 2), RESULTS.peek());

        input.put(codec.encodeRecord(new StreamRecord(Tuple2.of("a", 1), 7000)));
        input.put(codec.encodeWatermark(0, Long.MAX_VALUE));
        input.put(codec.encodeWatermark(1, Long.MAX_VALUE));
        input.put(END);
        task.join(10_000);
        assertEquals(List.of(Tuple2.of("a", 2), Tuple2.of("a", 1)), new ArrayList<>(RESULTS));
    }

    @Test
    void endOfInputFiresOpenWindowsEvenWithoutAFinalWatermark() throws Exception {
        RESULTS.clear();
        LinkedBlockingQueue<byte[]> input = new LinkedBlockingQueue<>();
        Thread task = runTask(windowVertex(), input);
        StreamElementCodec codec = new StreamElementCodec(getClass().getClassLoader());
        input.put(codec.encodeRecord(new StreamRecord(Tuple2.of("b", 4), 100)));
        input.put(codec.encodeRecord(new StreamRecord(Tuple2.of("b", 5), 200)));
        input.put(END);
        task.join(10_000);
        assertEquals(List.of(Tuple2.of("b", 9)), new ArrayList<>(RESULTS));
    }

    private static final byte[] END = new byte[0];
    private static final AtomicBoolean SOURCE_CANCELLED =
            new AtomicBoolean();

    /** Emits numbers until cancelled, like a socket source that never closes. */
    static final class EndlessSource implements SourceFunction<Long> {
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<Long> context) throws InterruptedException {
            for (long n = 0; running; n++) {
                context.collect(n);
            }
        }

        @Override
        public void cancel() {
            running = false;
            SOURCE_CANCELLED.set(true);
        }
    }

    @Test
    void interruptingTheTaskThreadCancelsTheSourceAndEndsTheTask() throws Exception {
        RESULTS.clear();
        SOURCE_CANCELLED.set(false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.addSource(new EndlessSource()).addSink(value -> RESULTS.add(value));
        JobVertex vertex = env.getJobGraph("endless").vertices().get(0);
        TaskContext context = new TestTaskContext(vertex.configuration(), List.of());
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread task = new Thread(() -> {
            try {
                new StreamTask().invoke(context);
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "endless task");
        task.start();
        await().atMost(10, TimeUnit.SECONDS).until(() -> RESULTS.size() > 100);
        task.interrupt();
        task.join(10_000);
        assertEquals(Thread.State.TERMINATED, task.getState());
        assertTrue(outcome.get() instanceof InterruptedException, String.valueOf(outcome.get()));
        assertTrue(SOURCE_CANCELLED.get(), "the source was told to stop");
    }

    private static Thread runTask(JobVertex vertex, LinkedBlockingQueue<byte[]> input) {
        RecordReader reader = () -> {
            byte[] next = input.take();
            return next == END ? null : next;
        };
        TaskContext context = new TestTaskContext(vertex.configuration(), List.of(reader));
        Thread thread = new Thread(() -> {
            try {
                new StreamTask().invoke(context);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "stream task under test");
        thread.start();
        return thread;
    }

    private record TestTaskContext(Map<String, String> configuration, List<RecordReader> inputs)
            implements TaskContext {
        @Override
        public String taskName() {
            return "window";
        }

        @Override
        public int subtaskIndex() {
            return 0;
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public List<RecordWriter> outputs() {
            return List.of();
        }

        @Override
        public ClassLoader userCodeClassLoader() {
            return StreamTaskTest.class.getClassLoader();
        }
    }
}
