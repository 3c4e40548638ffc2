package io.podflow.api.connectors;

import io.podflow.api.functions.RichFunction;
import io.podflow.api.functions.RuntimeContext;
import io.podflow.api.functions.SinkFunction;

import java.io.PrintStream;

/** Prints each record to the TaskManager's standard output, prefixed with {@code subtask> } when parallel. */
public final class PrintSink<T> implements SinkFunction<T>, RichFunction {

    private transient String prefix;
    private transient PrintStream out;

    @Override
    public void open(RuntimeContext context) {
        prefix = context.getNumberOfParallelSubtasks() > 1 ? (context.getIndexOfThisSubtask() + 1) + "> " : "";
        out = System.out;
    }

    @Override
    public void invoke(T value) {
        out.println(prefix + value);
    }
}
