package io.podflow.api.environment;

import io.podflow.protocol.task.RecordReader;
import io.podflow.protocol.task.RecordWriter;
import io.podflow.protocol.task.TaskContext;

import java.util.List;
import java.util.Map;

/** The {@link TaskContext} of one subtask run by the {@link LocalStreamRunner}. */
record LocalTaskContext(String taskName, int subtaskIndex, int parallelism, Map<String, String> configuration,
        List<RecordReader> inputs, List<RecordWriter> outputs, ClassLoader userCodeClassLoader)
        implements TaskContext {
}
