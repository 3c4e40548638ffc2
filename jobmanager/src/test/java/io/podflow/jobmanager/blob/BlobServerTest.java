package io.podflow.jobmanager.blob;

import io.podflow.common.config.BlobServerOptions;
import io.podflow.common.config.Configuration;
import io.podflow.protocol.blob.BlobClient;
import io.podflow.protocol.blob.BlobException;
import io.podflow.protocol.blob.BlobKey;
import io.podflow.protocol.job.JobID;
import io.podflow.rpc.RpcOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlobServerTest {

    private static final String SECRET = "blob-test-secret";

    @TempDir
    Path temp;

    private BlobServer server;
    private final List<BlobClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = BlobServer.start(config(SECRET).set(BlobServerOptions.STORAGE_DIRECTORY,
                temp.resolve("server").toString()), "127.0.0.1");
    }

    @AfterEach
    void stop() {
        clients.forEach(BlobClient::close);
        server.close();
    }

    @Test
    void roundTripsAMultiMegabyteFileUnderItsSha256() throws Exception {
        Path jar = randomFile("job.jar", 7 * 1024 * 1024 + 13, 1);

        BlobKey key = client(SECRET, "cache-a").put(jar);
        Path fetched = client(SECRET, "cache-b").get(key);

        assertEquals(sha256Hex(jar), key.hex());
        assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(fetched));
        assertEquals(temp.resolve("cache-b").resolve(key.hex()), fetched);
    }

    @Test
    void refusesAClientWithTheWrongSecret() throws Exception {
        Path jar = randomFile("job.jar", 1000, 2);

        BlobException refused = assertThrows(BlobException.class, () -> client("not-the-secret", "cache").put(jar));

        assertTrue(refused.getMessage().contains("cluster.secret"), refused.getMessage());
        assertEquals(0, Files.list(server.store().directory()).count());
    }

    @Test
    void namesTheMissingKeyWhenAskedForAnUnknownBlob() {
        BlobKey unknown = new BlobKey("ab".repeat(32));

        BlobException missing = assertThrows(BlobException.class, () -> client(SECRET, "cache").get(unknown));

        assertTrue(missing.getMessage().contains("has no blob " + unknown), missing.getMessage());
        assertFalse(Files.exists(temp.resolve("cache").resolve(unknown.hex())));
    }

    @Test
    void servesManyConcurrentFetchesOfTheSameBlob() throws Exception {
        Path jar = randomFile("job.jar", 2 * 1024 * 1024, 3);
        BlobKey key = server.store().put(jar);
        byte[] expected = Files.readAllBytes(jar);
        BlobClient shared = client(SECRET, "shared-cache");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Path>> fetches = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                BlobClient own = client(SECRET, "cache-" + i);
                fetches.add(pool.submit(() -> own.get(key)));
                fetches.add(pool.submit(() -> shared.get(key)));
            }
            for (Future<Path> fetch : fetches) {
                assertArrayEquals(expected, Files.readAllBytes(fetch.get()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCachedBlobIsNotFetchedAgain() throws Exception {
        Path jar = randomFile("job.jar", 5000, 4);
        BlobClient client = client(SECRET, "cache");
        BlobKey key = client.put(jar);
        Path first = client.get(key);

        client.delete(key);

        assertTrue(server.store().find(key).isEmpty());
        assertEquals(first, client.get(key));
        assertThrows(BlobException.class, () -> client(SECRET, "fresh-cache").get(key));
    }

    @Test
    void releasingAJobDeletesOnlyTheBlobsNoOtherJobNeeds() throws Exception {
        BlobKey onlyFirst = server.store().put(randomFile("a.jar", 100, 5));
        BlobKey shared = server.store().put(randomFile("b.jar", 100, 6));
        JobID first = JobID.generate();
        JobID second = JobID.generate();
        server.store().retain(first, List.of(onlyFirst, shared));
        server.store().retain(second, List.of(shared));

        server.store().release(first);

        assertTrue(server.store().find(onlyFirst).isEmpty());
        assertTrue(server.store().find(shared).isPresent());

        server.store().release(second);

        assertTrue(server.store().find(shared).isEmpty());
    }

    @Test
    void theSameContentGetsTheSameKeyAndDifferentContentAnother() throws Exception {
        BlobClient client = client(SECRET, "cache");
        Path jar = randomFile("job.jar", 4096, 7);
        Path copy = Files.copy(jar, temp.resolve("copy.jar"));

        assertEquals(client.put(jar), server.store().put(copy));
        assertNotEquals(client.put(jar), client.put(randomFile("other.jar", 4096, 8)));
    }

    @Test
    void storesAnEmptyFile() throws Exception {
        Path empty = Files.createFile(temp.resolve("empty.jar"));
        BlobClient client = client(SECRET, "cache");

        BlobKey key = client.put(empty);

        assertEquals(sha256Hex(empty), key.hex());
        assertEquals(0, Files.size(client(SECRET, "other").get(key)));
    }

    @Test
    void namesTheServerWhenItCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        BlobClient client = new BlobClient(new InetSocketAddress("127.0.0.1", closedPort), config(SECRET),
                temp.resolve("cache"));
        clients.add(client);

        BlobException unreachable = assertThrows(BlobException.class, () -> client.get(new BlobKey("cd".repeat(32))));

        assertTrue(unreachable.getMessage().contains("Cannot connect to the blob server at 127.0.0.1:" + closedPort),
                unreachable.getMessage());
    }

    @Test
    void givesUpOnAPeerThatNeverAnswersTheHandshake() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Configuration impatient = config(SECRET).set(RpcOptions.HANDSHAKE_TIMEOUT, Duration.ofMillis(300));
            BlobClient client = new BlobClient(new InetSocketAddress("127.0.0.1", silent.getLocalPort()), impatient,
                    temp.resolve("cache"));
            clients.add(client);

            BlobException timedOut = assertThrows(BlobException.class, () -> client.get(new BlobKey("ef".repeat(32))));

            assertTrue(timedOut.getMessage().contains("handshake"), timedOut.getMessage());
        }
    }

    @Test
    void closingTheServerDeletesItsStorage() {
        Path storage = server.store().directory();

        server.close();

        assertFalse(Files.exists(storage));
    }

    private BlobClient client(String secret, String cacheName) {
        BlobClient client = new BlobClient(new InetSocketAddress("127.0.0.1", server.port()), config(secret),
                temp.resolve(cacheName));
        clients.add(client);
        return client;
    }

    private static Configuration config(String secret) {
        return new Configuration().set(RpcOptions.CLUSTER_SECRET, secret).set(BlobServerOptions.PORT, 0);
    }

    private Path randomFile(String name, int size, long seed) throws IOException {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return Files.write(temp.resolve(name), content);
    }

    private static String sha256Hex(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
