package io.podflow.e2e.job;

import io.podflow.api.environment.StreamExecutionEnvironment;
import io.podflow.api.functions.MapFunction;

/**
 * The job {@code bin/flink run} submits to the session: numbers {@code 0..count-1}, spread round robin, doubled and
 * written as text into directory {@code out}. Arguments: {@code <out> <count>}.
 */
public final class DoubledNumbersProgram {

    private DoubledNumbersProgram() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(0, Long.parseLong(args[1]) - 1).rebalance().map(new Doubling()).writeAsText(args[0]);
        env.execute("doubled numbers");
    }

    /** Doubles a number. */
    public static final class Doubling implements MapFunction<Long, Long> {

        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            return value * 2;
        }
    }
}
