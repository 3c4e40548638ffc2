package io.podflow.examples;

import io.podflow.api.datastream.DataStream;
import io.podflow.api.environment.StreamExecutionEnvironment;
import io.podflow.api.functions.Collector;
import io.podflow.api.functions.FlatMapFunction;
import io.podflow.api.functions.KeyedProcessFunction;
import io.podflow.api.functions.RuntimeContext;
import io.podflow.api.state.ValueState;
import io.podflow.api.state.ValueStateDescriptor;
import io.podflow.api.tuple.Tuple2;
import io.podflow.api.windowing.Time;

import java.util.Locale;

/**
 * Counts words. {@code WordCount host port} (or {@code --hostname H --port P}) counts the lines of a text socket
 * in 5 s processing-time windows and prints them; {@code --input FILE --output DIR} counts a file and writes one
 * {@code word count} line per word.
 */
public final class WordCount {

    private WordCount() {
    }

    public static void main(String[] args) throws Exception {
        ExampleArguments arguments = new ExampleArguments(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (arguments.has("input")) {
            env.readTextFile(arguments.get("input"))
                    .flatMap(new Tokenizer())
                    .keyBy(word -> word.f0)
                    .process(new FinalCount())
                    .map(count -> count.f0 + " " + count.f1)
                    .writeAsText(arguments.get("output"));
            env.execute("WordCount");
        } else {
            String host = arguments.get("hostname", 0, "localhost");
            int port = Integer.parseInt(arguments.get("port", 1, "9999"));
            DataStream<Tuple2<String, Integer>> counts = env.socketTextStream(host, port)
                    .flatMap(new Tokenizer())
                    .keyBy(0)
                    .timeWindow(Time.seconds(5))
                    .sum(1);
            counts.print();
            env.execute("Window WordCount");
        }
    }

    /** Splits a line into lower-case words (runs of letters and digits), each counted once. */
    public static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {

        @Override
        public void flatMap(String line, Collector<Tuple2<String, Integer>> out) {
            for (String word : line.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    out.collect(Tuple2.of(word, 1));
                }
            }
        }
    }

    /**
     * Adds up a word's ones and emits its total once, when the input has ended: event time then jumps to the end
     * and fires the timer every key registered at the end of time.
     */
    public static final class FinalCount
            extends KeyedProcessFunction<String, Tuple2<String, Integer>, Tuple2<String, Long>> {

        private transient ValueState<Long> count;

        @Override
        public void open(RuntimeContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", 0L));
        }

        @Override
        public void processElement(Tuple2<String, Integer> word, Context<String> context,
                Collector<Tuple2<String, Long>> out) {
            if (count.value() == 0L) {
                context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            }
            count.update(count.value() + word.f1);
        }

        @Override
        public void onTimer(long timestamp, Context<String> context, Collector<Tuple2<String, Long>> out) {
            out.collect(Tuple2.of(context.getCurrentKey(), count.value()));
        }
    }
}
