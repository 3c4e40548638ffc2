package io.podflow.taskmanager.exchange.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.podflow.taskmanager.exchange.load.WaitClock;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputGateTest {

    private static ByteBuf records(byte[]... records) {
        ByteBuf buffer = Unpooled.buffer();
        for (byte[] record : records) {
            buffer.writeInt(record.length).writeBytes(record);
        }
        return buffer;
    }

    @Test
    void readsRecordsOfEveryChannelReturnsCreditPerBufferAndEndsWhenAllChannelsEnded() throws Exception {
        InputGate gate = new InputGate("test", 2, ended -> { }, new WaitClock());
        AtomicInteger[] credits = {new AtomicInteger(), new AtomicInteger()};
        gate.onCreditReturned(0, credits[0]::addAndGet);
        gate.onCreditReturned(1, credits[1]::addAndGet);
        ByteBuf first = records(new byte[] {1}, new byte[] {2});
        gate.receive(0, first);
        gate.receiveEnd(0);
        gate.receive(1, records(new byte[0]));
        gate.receiveEnd(1);

        assertArrayEquals(new byte[] {1}, gate.next());
        assertArrayEquals(new byte[] {2}, gate.next());
        assertArrayEquals(new byte[0], gate.next());
        assertNull(gate.next());
        assertNull(gate.next(), "an ended reader stays ended");

        assertEquals(0, first.refCnt());
        assertEquals(1, credits[0].get());
        assertEquals(1, credits[1].get());
    }

    @Test
    void aFailedChannelFailsTheReaderWithItsReason() {
        InputGate gate = new InputGate("test", 1, ended -> { }, new WaitClock());
        gate.fail(0, "producer gone");

        CancellationException failure = assertThrows(CancellationException.class, gate::next);
        assertTrue(failure.getMessage().contains("producer gone"));
    }

    @Test
    void closeReleasesBuffersHeldAndArrivingLater() throws Exception {
        InputGate gate = new InputGate("test", 1, ended -> { }, new WaitClock());
        gate.onCreditReturned(0, credit -> { });
        ByteBuf reading = records(new byte[] {1}, new byte[] {2});
        ByteBuf queued = records(new byte[] {3});
        gate.receive(0, reading);
        gate.receive(0, queued);
        gate.next();

        gate.close();
        ByteBuf late = records(new byte[] {4});
        gate.receive(0, late);

        assertEquals(0, reading.refCnt());
        assertEquals(0, queued.refCnt());
        assertEquals(0, late.refCnt());
        assertEquals(0, gate.heldBuffers());
        assertThrows(CancellationException.class, gate::next);
    }
}
