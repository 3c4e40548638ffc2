package io.podflow.protocol.task;

/** Sends records on one output edge; the edge's partitioning picks the consumer subtasks. */
public interface RecordWriter {

    /** Sends a record; on a HASH edge the record's bytes are its key. */
    void emit(byte[] record) throws InterruptedException;

    /** Sends a record whose key hashes to {@code keyHash}; only HASH edges use the hash. */
    void emit(byte[] record, int keyHash) throws InterruptedException;
}
