package io.podflow.taskmanager.exchange.netty;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.taskmanager.exchange.load.WaitClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubpartitionTest {

    /** Remembers every buffer it hands out, so a test can check each one was freed. */
    private static final class RecordingAllocator extends AbstractByteBufAllocator {

        final List<ByteBuf> allocated = new ArrayList<>();

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            return remember(Unpooled.buffer(initialCapacity, maxCapacity));
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            return remember(Unpooled.directBuffer(initialCapacity, maxCapacity));
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }

        private ByteBuf remember(ByteBuf buffer) {
            allocated.add(buffer);
            return buffer;
        }
    }

    /** A consumer view that keeps what it was sent. */
    private static final class CollectingView implements SubpartitionView {

        final List<ByteBuf> received = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        int ends;

        @Override
        public void send(ByteBuf records) {
            received.add(records);
        }

        @Override
        public void sendEnd() {
            ends++;
        }

        @Override
        public void fail(String reason) {
            failures.add(reason);
        }
    }

    private final SubpartitionKey key = new SubpartitionKey(JobID.generate(), JobVertexID.generate(), 0,
            JobVertexID.generate(), 0);

    private Subpartition subpartition(ByteBufAllocator allocator) {
        return new Subpartition(key, allocator, 64, 2, new WaitClock(), () -> { });
    }

    @Test
    void recordsTooLargeForOneBufferTravelInABufferOfTheirOwn() throws InterruptedException {
        Subpartition subpartition = subpartition(UnpooledByteBufAllocator.DEFAULT);
        CollectingView view = new CollectingView();
        subpartition.attach(view, 10);

        subpartition.add(new byte[10]);
        subpartition.add(new byte[500]);
        subpartition.finish();

        assertEquals(2, view.received.size());
        assertEquals(14, view.received.get(0).readableBytes());
        assertEquals(504, view.received.get(1).readableBytes());
        assertEquals(1, view.ends);
        view.received.forEach(ByteBuf::release);
    }

    @Test
    void theFlushTimerSendsAPartlyFilledBuffer() throws InterruptedException {
        Subpartition subpartition = subpartition(UnpooledByteBufAllocator.DEFAULT);
        CollectingView view = new CollectingView();
        subpartition.attach(view, 10);
        subpartition.add(new byte[3]);
        assertTrue(view.received.isEmpty());

        subpartition.flush();

        assertEquals(1, view.received.size());
        assertEquals(0, view.ends, "a flush is not the end");
        view.received.forEach(ByteBuf::release);
    }

    @Test
    void releaseFreesEveryHeldBufferFailsTheConsumerAndStopsTheWriter() throws InterruptedException {
        RecordingAllocator allocator = new RecordingAllocator();
        Subpartition subpartition = subpartition(allocator);
        CollectingView view = new CollectingView();
        subpartition.attach(view, 1);
        for (int i = 0; i < 3; i++) {
            subpartition.add(new byte[60]);
        }
        subpartition.add(new byte[10]);
        assertEquals(3, subpartition.heldBuffers(), "two queued, one being filled");

        subpartition.release();

        assertEquals(0, subpartition.heldBuffers());
        assertEquals(4, allocator.allocated.size());
        for (ByteBuf buffer : allocator.allocated) {
            assertEquals(buffer == view.received.get(0) ? 1 : 0, buffer.refCnt());
        }
        assertEquals(1, view.failures.size());
        assertThrows(CancellationException.class, () -> subpartition.add(new byte[1]));
        view.received.forEach(ByteBuf::release);
    }
}
