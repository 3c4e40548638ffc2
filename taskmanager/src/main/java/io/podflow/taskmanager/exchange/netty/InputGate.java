package io.podflow.taskmanager.exchange.netty;

import io.netty.buffer.ByteBuf;
import io.podflow.protocol.task.RecordReader;
import io.podflow.taskmanager.exchange.load.WaitClock;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The consumer side of one input edge: buffers from every producer channel arrive in one queue, in arrival order.
 * Each consumed buffer is released and its credit returned to the channel that sent it. The reader ends when every
 * channel ended, and fails when any channel fails.
 */
final class InputGate implements RecordReader {

    private record Arrival(int channel, ByteBuf records, String failure) {
    }

    private static final Arrival CLOSED = new Arrival(-1, null, "closed");

    private final String name;
    private final int channels;
    private final Consumer<InputGate> onEnded;
    private final IntConsumer[] creditReturns;
    private final WaitClock idle;
    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private final AtomicReference<ByteBuf> reading = new AtomicReference<>();
    private int readingChannel;
    private int endedChannels;
    private volatile boolean closed;

    /**
     * {@code onEnded} runs once, on the reader's thread, when the last channel ended; {@code idle} counts the time
     * the reader waits for a buffer.
     */
    InputGate(String name, int channels, Consumer<InputGate> onEnded, WaitClock idle) {
        this.name = name;
        this.channels = channels;
        this.onEnded = onEnded;
        this.creditReturns = new IntConsumer[channels];
        this.idle = idle;
    }

    /** Where channel {@code channel} returns credit for each buffer this gate consumed. */
    void onCreditReturned(int channel, IntConsumer creditReturn) {
        creditReturns[channel] = creditReturn;
    }

    void receive(int channel, ByteBuf records) {
        arrive(new Arrival(channel, records, null));
    }

    void receiveEnd(int channel) {
        arrive(new Arrival(channel, null, null));
    }

    void fail(int channel, String reason) {
        arrive(new Arrival(channel, null, reason));
    }

    @Override
    public byte[] next() throws InterruptedException {
        while (true) {
            ByteBuf buffer = reading.get();
            if (buffer != null) {
                if (buffer.isReadable()) {
                    byte[] record = new byte[buffer.readInt()];
                    buffer.readBytes(record);
                    return record;
                }
                if (reading.compareAndSet(buffer, null)) {
                    buffer.release();
                    creditReturns[readingChannel].accept(1);
                }
            }
            if (endedChannels == channels) {
                return null;
            }
            Arrival arrival = idle.take(arrivals);
            if (arrival.failure() != null) {
                throw new CancellationException("Input " + name + " failed: " + arrival.failure());
            }
            if (arrival.records() == null) {
                endedChannels++;
                if (endedChannels == channels) {
                    onEnded.accept(this);
                }
            } else {
                readingChannel = arrival.channel();
                reading.set(arrival.records());
                if (closed) {
                    releaseHeld();
                }
            }
        }
    }

    /** Releases every buffer held and makes the reader fail; buffers arriving later are released on arrival. */
    void close() {
        closed = true;
        releaseHeld();
        arrivals.add(CLOSED);
    }

    boolean isClosed() {
        return closed;
    }

    /** Buffers received and not yet consumed. */
    int heldBuffers() {
        int held = reading.get() == null ? 0 : 1;
        for (Arrival arrival : arrivals) {
            held += arrival.records() == null ? 0 : 1;
        }
        return held;
    }

    private void arrive(Arrival arrival) {
        arrivals.add(arrival);
        if (closed) {
            releaseHeld();
        }
    }

    private void releaseHeld() {
        ByteBuf buffer = reading.getAndSet(null);
        if (buffer != null) {
            buffer.release();
        }
        for (Arrival arrival : arrivals) {
            if (arrival.records() != null && arrivals.remove(arrival)) {
                arrival.records().release();
            }
        }
    }
}
