package io.podflow.taskmanager.exchange.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.podflow.taskmanager.exchange.load.WaitClock;

import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The records one producer subtask sends to one consumer subtask. The writer fills a buffer and seals it into a
 * queue of at most {@code queuedBuffers}; when the queue is full the writer waits, which is how a slow consumer
 * slows its producer. Sealed buffers go to the consumer's view only while it has credit, so what a consumer
 * holds is bounded by the credits it granted. Writer thread, flush timer and network threads meet under one lock.
 */
final class Subpartition {

    private final SubpartitionKey key;
    private final ByteBufAllocator allocator;
    private final int bufferBytes;
    private final int queuedBuffers;
    private final WaitClock backPressure;
    private final Runnable onEndSent;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queueHasRoom = lock.newCondition();
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    private ByteBuf filling;
    private SubpartitionView view;
    private int credit;
    private boolean finished;
    private volatile boolean endSent;
    private boolean released;

    Subpartition(SubpartitionKey key, ByteBufAllocator allocator, int bufferBytes, int queuedBuffers,
            WaitClock backPressure, Runnable onEndSent) {
        this.key = key;
        this.allocator = allocator;
        this.bufferBytes = bufferBytes;
        this.queuedBuffers = queuedBuffers;
        this.backPressure = backPressure;
        this.onEndSent = onEndSent;
    }

    SubpartitionKey key() {
        return key;
    }

    void add(byte[] record) throws InterruptedException {
        int needed = 4 + record.length;
        lock.lock();
        try {
            requireOpen();
            if (filling != null && filling.writableBytes() < needed) {
                seal();
            }
            if (filling == null) {
                filling = allocator.buffer(Math.max(bufferBytes, needed));
            }
            filling.writeInt(record.length).writeBytes(record);
        } finally {
            lock.unlock();
        }
    }

    /** Sends the partly filled buffer if the queue has room; called by the flush timer, never waits. */
    void flush() {
        lock.lock();
        try {
            if (!released && filling != null && filling.isReadable() && queue.size() < queuedBuffers) {
                queue.add(filling);
                filling = null;
                drain();
            }
        } finally {
            lock.unlock();
        }
    }

    void finish() throws InterruptedException {
        lock.lock();
        try {
            requireOpen();
            if (filling != null && filling.isReadable()) {
                seal();
            }
            finished = true;
            drain();
        } finally {
            lock.unlock();
        }
    }

    /** Connects the consumer; a second consumer of the same subpartition is refused. */
    void attach(SubpartitionView consumer, int initialCredit) {
        lock.lock();
        try {
            if (released) {
                consumer.fail(key + " was released");
                return;
            }
            if (view != null) {
                consumer.fail(key + " already has a consumer");
                return;
            }
            view = consumer;
            credit = initialCredit;
            drain();
        } finally {
            lock.unlock();
        }
    }

    void addCredit(int more) {
        lock.lock();
        try {
            credit += more;
            drain();
        } finally {
            lock.unlock();
        }
    }

    /** The consumer went away; the writer keeps waiting until the task is cancelled or the job reset. */
    void detach(SubpartitionView consumer) {
        lock.lock();
        try {
            if (view == consumer) {
                view = null;
                credit = 0;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Frees every buffer still held and wakes a waiting writer, which then fails. */
    void release() {
        lock.lock();
        try {
            if (released) {
                return;
            }
            released = true;
            queue.forEach(ByteBuf::release);
            queue.clear();
            if (filling != null) {
                filling.release();
                filling = null;
            }
            if (view != null && !endSent) {
                view.fail(key + " was released before its end");
            }
            view = null;
            queueHasRoom.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the consumer was sent every buffer and the end; read without the lock. */
    boolean endSent() {
        return endSent;
    }

    /** Buffers this producer holds: queued plus the one being filled. */
    int heldBuffers() {
        lock.lock();
        try {
            return queue.size() + (filling == null ? 0 : 1);
        } finally {
            lock.unlock();
        }
    }

    private void seal() throws InterruptedException {
        if (queue.size() >= queuedBuffers) {
            backPressure.begin(System.nanoTime());
            try {
                while (queue.size() >= queuedBuffers) {
                    queueHasRoom.await();
                    requireOpen();
                }
            } finally {
                backPressure.end(System.nanoTime());
            }
        }
        // while this writer waited, the flush timer may have queued the buffer already
        if (filling != null) {
            queue.add(filling);
            filling = null;
        }
        drain();
    }

    private void drain() {
        while (view != null && credit > 0 && !queue.isEmpty()) {
            credit--;
            view.send(queue.poll());
            queueHasRoom.signalAll();
        }
        if (finished && !endSent && view != null && queue.isEmpty()) {
            endSent = true;
            view.sendEnd();
            onEndSent.run();
        }
    }

    private void requireOpen() {
        if (released) {
            throw new CancellationException("The data plane released " + key + ": its job was reset or cancelled");
        }
    }
}
