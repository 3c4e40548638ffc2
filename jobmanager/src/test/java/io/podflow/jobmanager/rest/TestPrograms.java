package io.podflow.jobmanager.rest;

import io.podflow.api.environment.StreamExecutionEnvironment;

import java.util.List;

/** User programs for the jar-run tests; jars name them in their manifest and load them from the test class path. */
public final class TestPrograms {

    private TestPrograms() {
    }

    /** Squares a short sequence; remembers the arguments it was given. */
    public static final class Squares {

        static volatile List<String> lastArguments = List.of();

        private Squares() {
        }

        public static void main(String[] args) throws Exception {
            lastArguments = List.of(args);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.fromSequence(1, 10).map(value -> value * value).print();
            env.execute("squares");
        }
    }

    /** Fails before building any job, as a program given no input would. */
    public static final class Failing {

        private Failing() {
        }

        public static void main(String[] args) {
            throw new IllegalArgumentException("--input is required");
        }
    }

    /** Returns without calling execute(). */
    public static final class Idle {

        private Idle() {
        }

        public static void main(String[] args) {
            // builds nothing on purpose
        }
    }
}
