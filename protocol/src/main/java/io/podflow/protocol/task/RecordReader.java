package io.podflow.protocol.task;

/** The records arriving on one input edge, from all of its producer subtasks. */
public interface RecordReader {

    /** The next record, waiting for one; null once every producer has finished. */
    byte[] next() throws InterruptedException;
}
