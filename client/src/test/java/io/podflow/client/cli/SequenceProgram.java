package io.podflow.client.cli;

import io.podflow.api.environment.StreamExecutionEnvironment;

import java.util.List;

/** A user program for the CLI tests: squares a short sequence; remembers the arguments it was given. */
public final class SequenceProgram {

    static volatile List<String> lastArguments = List.of();

    private SequenceProgram() {
    }

    public static void main(String[] args) throws Exception {
        lastArguments = List.of(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, 10).map(value -> value * value).print();
        env.execute("squares");
    }
}
