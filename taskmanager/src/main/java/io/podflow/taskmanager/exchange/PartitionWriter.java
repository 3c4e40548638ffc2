package io.podflow.taskmanager.exchange;

import io.podflow.protocol.task.RecordWriter;

/** A task's writer for one output edge, which the runtime finishes when the task's user code returns. */
public interface PartitionWriter extends RecordWriter {

    /** Tells every consumer that this producer has sent its last record. */
    void finish() throws InterruptedException;
}
