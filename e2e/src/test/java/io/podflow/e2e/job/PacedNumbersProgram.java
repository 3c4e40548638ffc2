package io.podflow.e2e.job;

import io.podflow.api.environment.StreamExecutionEnvironment;
import io.podflow.api.functions.MapFunction;

/**
 * A bounded job slow enough to be disturbed while it runs: numbers {@code 0..count-1}, spread round robin, each
 * doubled after a pause of {@code millis} ms, written as text into directory {@code out}. Arguments:
 * {@code <out> <count> <millis>}.
 */
public final class PacedNumbersProgram {

    private PacedNumbersProgram() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(0, Long.parseLong(args[1]) - 1).rebalance().map(new PacedDoubling(Long.parseLong(args[2])))
                .writeAsText(args[0]);
        env.execute("paced numbers");
    }

    /** Doubles a number, taking its time. */
    public static final class PacedDoubling implements MapFunction<Long, Long> {

        private static final long serialVersionUID = 1L;

        private final long millis;

        PacedDoubling(long millis) {
            this.millis = millis;
        }

        @Override
        public Long map(Long value) throws InterruptedException {
            Thread.sleep(millis);
            return value * 2;
        }
    }
}
