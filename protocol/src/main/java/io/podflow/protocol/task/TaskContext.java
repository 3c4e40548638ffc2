package io.podflow.protocol.task;

import java.util.List;
import java.util.Map;

/** What an {@link Invokable} sees of its deployment: who it is, its configuration, its inputs and outputs. */
public interface TaskContext {

    String taskName();

    /** This subtask's index, from 0 to {@code parallelism() - 1}. */
    int subtaskIndex();

    int parallelism();

    /** The vertex configuration from the JobGraph. */
    Map<String, String> configuration();

    /** One reader per input edge, in the JobGraph's edge order. */
    List<RecordReader> inputs();

    /** One writer per output edge, in the JobGraph's edge order. */
    List<RecordWriter> outputs();

    /** The class loader holding the job's classes. */
    ClassLoader userCodeClassLoader();
}
