package io.podflow.dist.job;

import io.podflow.api.environment.StreamExecutionEnvironment;
import io.podflow.api.functions.MapFunction;

/**
 * A DataStream program for {@code bin/flink run}: the numbers {@code 0..count-1}, spread round robin over the next
 * operator's subtasks (so records cross TaskManagers), doubled and written as text into directory {@code out}.
 * Arguments: {@code <out> <count>}.
 */
public final class RebalancedNumbersProgram {

    private RebalancedNumbersProgram() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(0, Long.parseLong(args[1]) - 1).rebalance().map(new Doubling()).writeAsText(args[0]);
        env.execute("rebalanced numbers");
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
