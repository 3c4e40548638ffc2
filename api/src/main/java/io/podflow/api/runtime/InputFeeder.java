package io.podflow.api.runtime;

import io.podflow.protocol.task.RecordReader;

import java.util.concurrent.BlockingQueue;

/** Reads one input edge on its own thread, decodes its elements and puts them in the task's mailbox. */
final class InputFeeder implements Runnable {

    private final RecordReader reader;
    private final StreamElementCodec codec;
    private final int channelOffset;
    private final BlockingQueue<Object> mailbox;
    private final String name;

    InputFeeder(String name, RecordReader reader, StreamElementCodec codec, int channelOffset,
            BlockingQueue<Object> mailbox) {
        this.name = name;
        this.reader = reader;
        this.codec = codec;
        this.channelOffset = channelOffset;
        this.mailbox = mailbox;
    }

    @Override
    public void run() {
        try {
            for (byte[] bytes = reader.next(); bytes != null; bytes = reader.next()) {
                mailbox.put(codec.decode(bytes, channelOffset));
            }
            mailbox.put(InputEnded.INSTANCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            reportFailure(new TaskFailure(name, e));
        }
    }

    private void reportFailure(TaskFailure failure) {
        try {
            mailbox.put(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
