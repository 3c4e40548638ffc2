package io.podflow.api.environment;

import io.podflow.protocol.task.RecordReader;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The in-memory input of one consumer subtask on one edge. Bounded, so a slow consumer blocks its producers.
 * Each producer ends its part with an end marker; the reader ends after the last producer's.
 */
final class LocalChannel implements RecordReader {

    private static final byte[] END = new byte[0];
    private static final int CAPACITY = 1024;

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(CAPACITY);
    private int openProducers;

    LocalChannel(int producers) {
        this.openProducers = producers;
    }

    void send(byte[] record) throws InterruptedException {
        queue.put(record);
    }

    void endOfProducer() throws InterruptedException {
        queue.put(END);
    }

    @Override
    public byte[] next() throws InterruptedException {
        while (openProducers > 0) {
            byte[] record = queue.take();
            if (record != END) {
                return record;
            }
            openProducers--;
        }
        return null;
    }
}
