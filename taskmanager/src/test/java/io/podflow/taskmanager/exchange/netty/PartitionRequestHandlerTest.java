package io.podflow.taskmanager.exchange.netty;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.taskmanager.exchange.netty.DataMessage.AddCredit;
import io.podflow.taskmanager.exchange.netty.DataMessage.BufferMessage;
import io.podflow.taskmanager.exchange.netty.DataMessage.EndOfPartition;
import io.podflow.taskmanager.exchange.netty.DataMessage.ErrorResponse;
import io.podflow.taskmanager.exchange.netty.DataMessage.PartitionRequest;
import io.podflow.taskmanager.exchange.load.WaitClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartitionRequestHandlerTest {

    private static final int RECORD_BYTES = 60;
    private final SubpartitionKey key = new SubpartitionKey(JobID.generate(), JobVertexID.generate(), 0,
            JobVertexID.generate(), 1);
    private final PartitionRegistry registry = new PartitionRegistry();
    private final EmbeddedChannel channel = new EmbeddedChannel(new PartitionRequestHandler(registry,
            Duration.ofSeconds(30)));

    /** A subpartition whose 64-byte buffers hold one record each, so records and buffers can be counted alike. */
    private Subpartition subpartition() {
        Subpartition subpartition = new Subpartition(key, UnpooledByteBufAllocator.DEFAULT, 64, 8,
                new WaitClock(), () -> registry.unregister(key));
        registry.register(subpartition);
        return subpartition;
    }

    private List<Object> sent() {
        channel.runPendingTasks();
        List<Object> sent = new ArrayList<>();
        Object message;
        while ((message = channel.readOutbound()) != null) {
            sent.add(message);
        }
        return sent;
    }

    private static void releaseAll(List<Object> messages) {
        messages.forEach(message -> {
            if (message instanceof BufferMessage buffer) {
                buffer.release();
            }
        });
    }

    @Test
    void sendsOnlyAsManyBuffersAsTheConsumerGrantedCredits() throws InterruptedException {
        Subpartition subpartition = subpartition();
        for (int i = 0; i < 5; i++) {
            subpartition.add(new byte[RECORD_BYTES]);
        }
        subpartition.finish();

        channel.writeInbound(new PartitionRequest(key, 2));
        List<Object> first = sent();
        assertEquals(2, first.size());
        first.forEach(message -> assertInstanceOf(BufferMessage.class, message));

        channel.writeInbound(new AddCredit(10));
        List<Object> rest = sent();
        assertEquals(4, rest.size(), "three more buffers and the end");
        assertInstanceOf(EndOfPartition.class, rest.get(3));
        releaseAll(first);
        releaseAll(rest);
    }

    @Test
    void aRequestArrivingBeforeItsProducerIsServedOnceTheProducerRegisters() throws InterruptedException {
        channel.writeInbound(new PartitionRequest(key, 4));
        assertTrue(sent().isEmpty());

        Subpartition subpartition = subpartition();
        subpartition.add(new byte[RECORD_BYTES]);
        subpartition.finish();

        List<Object> sent = sent();
        assertEquals(2, sent.size());
        assertInstanceOf(EndOfPartition.class, sent.get(1));
        releaseAll(sent);
    }

    @Test
    void aRequestWhoseProducerNeverRegistersIsAnsweredWithAnError() {
        EmbeddedChannel impatient = new EmbeddedChannel(new PartitionRequestHandler(registry, Duration.ofMillis(50)));
        impatient.writeInbound(new PartitionRequest(key, 4));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            impatient.runPendingTasks();
            return !impatient.outboundMessages().isEmpty();
        });
        ErrorResponse error = assertInstanceOf(ErrorResponse.class, impatient.readOutbound());
        assertTrue(error.message().contains("was not produced"), error.message());
    }
}
