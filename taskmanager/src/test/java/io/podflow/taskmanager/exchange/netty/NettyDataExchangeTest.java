package io.podflow.taskmanager.exchange.netty;

import io.netty.util.ResourceLeakDetector;
import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.deployment.TaskOutput;
import io.podflow.protocol.deployment.TaskPeer;
import io.podflow.protocol.job.Partitioning;
import io.podflow.protocol.job.TaskLoad;
import io.podflow.protocol.task.RecordReader;
import io.podflow.taskmanager.exchange.PartitionWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NettyDataExchangeTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ResourceLeakDetector.Level leakDetection;

    @BeforeAll
    static void reportEveryLeak() {
        // a buffer that is never released is reported on the log as a LEAK
        leakDetection = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @AfterAll
    static void restoreLeakDetection() {
        ResourceLeakDetector.setLevel(leakDetection);
    }

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private TwoTaskManagers cluster;

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A record naming its producer and sequence number; the sequence number is its key hash. */
    private static byte[] record(int producer, int sequence) {
        return ByteBuffer.allocate(8).putInt(producer).putInt(sequence).array();
    }

    private Future<?> produce(PartitionWriter writer, int producer, int records) {
        return threads.submit(() -> {
            for (int sequence = 0; sequence < records; sequence++) {
                writer.emit(record(producer, sequence), sequence);
            }
            writer.finish();
            return null;
        });
    }

    private Future<List<long[]>> consume(RecordReader reader) {
        return threads.submit(() -> {
            List<long[]> read = new ArrayList<>();
            byte[] record;
            while ((record = reader.next()) != null) {
                ByteBuffer bytes = ByteBuffer.wrap(record);
                read.add(new long[] {bytes.getInt(), bytes.getInt()});
            }
            return read;
        });
    }

    /** Opens consumers before producers, as a JobMaster may deploy them, and runs 2 x 2 subtasks to the end. */
    private List<List<long[]>> exchange(Partitioning partitioning, int recordsPerProducer) throws Exception {
        cluster = new TwoTaskManagers();
        List<Future<List<long[]>>> consumers = new ArrayList<>();
        for (int consumer = 0; consumer < 2; consumer++) {
            consumers.add(consume(cluster.openConsumer(consumer, 2, 2, partitioning)));
        }
        List<Future<?>> producers = new ArrayList<>();
        for (int producer = 0; producer < 2; producer++) {
            producers.add(produce(cluster.openProducer(producer, 2, 2, partitioning), producer, recordsPerProducer));
        }
        for (Future<?> producer : producers) {
            producer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        List<List<long[]>> read = new ArrayList<>();
        for (Future<List<long[]>> consumer : consumers) {
            read.add(consumer.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        for (NettyDataExchange exchange : cluster.exchanges) {
            await().atMost(WAIT).until(() -> exchange.openEdges() == 0);
        }
        return read;
    }

    @Test
    void hashEdgeDeliversEveryRecordOnceToTheConsumerOfItsKey() throws Exception {
        int perProducer = 100_000;
        List<List<long[]>> read = exchange(Partitioning.HASH, perProducer);

        Set<Long> seen = new HashSet<>();
        for (int consumer = 0; consumer < 2; consumer++) {
            for (long[] record : read.get(consumer)) {
                assertEquals(consumer, record[1] % 2, "key " + record[1] + " reached consumer " + consumer);
                assertTrue(seen.add(record[0] * perProducer + record[1]), "duplicate record " + record[1]);
            }
        }
        assertEquals(2 * perProducer, seen.size());
    }

    @Test
    void recordsOfOneProducerArriveInTheOrderItSentThem() throws Exception {
        List<List<long[]>> read = exchange(Partitioning.HASH, 20_000);

        for (List<long[]> consumed : read) {
            long[] last = {-1, -1};
            for (long[] record : consumed) {
                int producer = (int) record[0];
                assertTrue(record[1] > last[producer], "producer " + producer + " out of order at " + record[1]);
                last[producer] = record[1];
            }
        }
    }

    @Test
    void broadcastEdgeDeliversEveryRecordToEveryConsumer() throws Exception {
        int perProducer = 10_000;
        List<List<long[]>> read = exchange(Partitioning.BROADCAST, perProducer);

        for (List<long[]> consumed : read) {
            Set<Long> seen = new HashSet<>();
            consumed.forEach(record -> seen.add(record[0] * perProducer + record[1]));
            assertEquals(2 * perProducer, consumed.size());
            assertEquals(2 * perProducer, seen.size());
        }
    }

    @Test
    void rebalanceEdgeSpreadsRecordsEvenlyAndExactlyOnce() throws Exception {
        int perProducer = 10_000;
        List<List<long[]>> read = exchange(Partitioning.REBALANCE, perProducer);

        Set<Long> seen = new HashSet<>();
        for (List<long[]> consumed : read) {
            assertEquals(perProducer, consumed.size());
            consumed.forEach(record -> assertTrue(seen.add(record[0] * perProducer + record[1])));
        }
        assertEquals(2 * perProducer, seen.size());
    }

    @Test
    void aProducerWithoutRecordsStillEndsItsConsumers() throws Exception {
        List<List<long[]>> read = exchange(Partitioning.HASH, 0);

        assertTrue(read.get(0).isEmpty());
        assertTrue(read.get(1).isEmpty());
    }

    @Test
    void aSlowConsumerBlocksItsProducerAfterABoundedNumberOfBuffers() throws Exception {
        cluster = new TwoTaskManagers();
        int records = 50_000;
        RecordReader remoteConsumer = cluster.openConsumer(1, 2, 1, Partitioning.FORWARD);
        TaskDeploymentDescriptor producerTask = cluster.task(cluster.source, 0, 1);
        PartitionWriter writer = cluster.openProducerToRemoteConsumer(producerTask);
        AtomicInteger emitted = new AtomicInteger();
        Future<?> producer = threads.submit(() -> {
            for (int sequence = 0; sequence < records; sequence++) {
                writer.emit(new byte[100], sequence);
                emitted.incrementAndGet();
            }
            writer.finish();
            return null;
        });

        await().atMost(WAIT).until(() -> cluster.exchanges[0].heldBuffers() == TwoTaskManagers.QUEUED_BUFFERS + 1
                && cluster.exchanges[1].heldBuffers() == TwoTaskManagers.CREDITS);
        int emittedWhileBlocked = emitted.get();
        assertTrue(emittedWhileBlocked < records, "the producer ran ahead of a consumer that reads nothing");
        assertFalse(producer.isDone());
        int recordsPerBuffer = TwoTaskManagers.BUFFER_BYTES / 104;
        int bound = (TwoTaskManagers.QUEUED_BUFFERS + 1 + TwoTaskManagers.CREDITS) * recordsPerBuffer;
        assertTrue(emittedWhileBlocked <= bound + recordsPerBuffer,
                emittedWhileBlocked + " records emitted, more than " + bound + " fit in the granted buffers");

        int read = 0;
        while (remoteConsumer.next() != null) {
            read++;
            assertTrue(cluster.exchanges[0].heldBuffers() <= TwoTaskManagers.QUEUED_BUFFERS + 1);
            assertTrue(cluster.exchanges[1].heldBuffers() <= TwoTaskManagers.CREDITS);
        }
        producer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(records, read);
        TaskLoad load = cluster.exchanges[0].sampleLoad(producerTask.attemptId()).orElseThrow();
        assertTrue(load.backPressuredMillis() > 0, "a producer that waited for credit reports back pressure");
    }

    @Test
    void aConsumerWithAnotherClusterSecretIsRefused() {
        cluster = new TwoTaskManagers(TwoTaskManagers.settings("cluster-secret", WAIT),
                TwoTaskManagers.settings("another-secret", WAIT));
        cluster.openProducer(0, 1, 2, Partitioning.REBALANCE);
        RecordReader stranger = cluster.openConsumer(1, 2, 1, Partitioning.REBALANCE);

        CancellationException refused = assertThrows(CancellationException.class, stranger::next);
        assertTrue(refused.getMessage().contains("cluster.secret"), refused.getMessage());
    }

    @Test
    void aConsumerWhoseProducerNeverComesFailsWithTheMissingPartition() {
        cluster = new TwoTaskManagers(TwoTaskManagers.settings("cluster-secret", Duration.ofMillis(200)),
                TwoTaskManagers.settings("cluster-secret", Duration.ofMillis(200)));
        RecordReader remote = cluster.openConsumer(1, 2, 1, Partitioning.REBALANCE);
        RecordReader local = cluster.openConsumer(0, 2, 1, Partitioning.REBALANCE);

        for (RecordReader reader : List.of(remote, local)) {
            CancellationException missing = assertThrows(CancellationException.class, reader::next);
            assertTrue(missing.getMessage().contains("was not produced"), missing.getMessage());
        }
    }

    @Test
    void resettingTheJobReleasesBuffersWakesTheWriterAndFailsTheReader() throws Exception {
        cluster = new TwoTaskManagers();
        RecordReader reader = cluster.openConsumer(1, 2, 1, Partitioning.REBALANCE);
        PartitionWriter writer = cluster.openProducerToRemoteConsumer(cluster.task(cluster.source, 0, 1));
        Future<?> producer = threads.submit(() -> {
            while (true) {
                writer.emit(new byte[100], 1);
            }
        });
        await().atMost(WAIT).until(() -> cluster.exchanges[0].heldBuffers() == TwoTaskManagers.QUEUED_BUFFERS + 1
                && cluster.exchanges[1].heldBuffers() == TwoTaskManagers.CREDITS);

        cluster.exchanges[0].resetJob(cluster.job);
        cluster.exchanges[1].resetJob(cluster.job);

        ExecutionException writerFailure = assertThrows(ExecutionException.class,
                () -> producer.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(CancellationException.class, writerFailure.getCause());
        assertThrows(CancellationException.class, reader::next);
        assertEquals(0, cluster.exchanges[0].heldBuffers());
        assertEquals(0, cluster.exchanges[1].heldBuffers());
    }

    @Test
    void aConsumerOfAResetJobDoesNotTakeTheSubpartitionFromTheNextAttempt() throws Exception {
        cluster = new TwoTaskManagers();
        NettyDataExchange exchange = cluster.exchanges[0];
        TaskOutput toLocalConsumer = new TaskOutput(cluster.sink, Partitioning.REBALANCE,
                List.of(new TaskPeer(0, cluster.locations[0])));
        cluster.openConsumer(0, 1, 1, Partitioning.REBALANCE);
        exchange.resetJob(cluster.job);

        PartitionWriter writer = exchange.openOutput(cluster.task(cluster.source, 0, 1), toLocalConsumer);
        RecordReader reader = cluster.openConsumer(0, 1, 1, Partitioning.REBALANCE);
        Future<List<long[]>> read = consume(reader);
        for (int sequence = 0; sequence < 10; sequence++) {
            writer.emit(record(0, sequence), sequence);
        }
        writer.finish();

        assertEquals(10, read.get(WAIT.toSeconds(), TimeUnit.SECONDS).size());
    }
}
