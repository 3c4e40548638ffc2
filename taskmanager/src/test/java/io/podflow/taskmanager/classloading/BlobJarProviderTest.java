package io.podflow.taskmanager.classloading;

import io.podflow.common.config.BlobServerOptions;
import io.podflow.common.config.Configuration;
import io.podflow.jobmanager.blob.BlobServer;
import io.podflow.protocol.blob.BlobKey;
import io.podflow.protocol.job.JobID;
import io.podflow.rpc.RpcOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlobJarProviderTest {

    private static final String SECRET = "jar-provider-test";
    private static final JobID JOB = JobID.generate();

    @TempDir
    Path temp;

    private BlobServer server;
    private String serverAddress;

    @BeforeEach
    void startServer() {
        server = BlobServer.start(config(SECRET).set(BlobServerOptions.STORAGE_DIRECTORY,
                temp.resolve("server").toString()), "127.0.0.1");
        serverAddress = "127.0.0.1:" + server.port();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static Configuration config(String secret) {
        return new Configuration().set(RpcOptions.CLUSTER_SECRET, secret).set(BlobServerOptions.PORT, 0)
                .set(RpcOptions.HANDSHAKE_TIMEOUT, Duration.ofSeconds(2));
    }

    private Path jar(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }

    @Test
    void fetchesEveryJarOfAJobInOrderIntoItsCache() throws Exception {
        BlobKey first = server.store().put(jar("first.jar", "first jar"));
        BlobKey second = server.store().put(jar("second.jar", "second jar"));

        try (BlobJarProvider provider = new BlobJarProvider(config(SECRET), temp.resolve("tm"))) {
            List<Path> jars = provider.jarsFor(JOB, List.of(first.hex(), second.hex()), serverAddress);

            assertEquals(2, jars.size());
            assertEquals("first jar", Files.readString(jars.get(0)));
            assertEquals("second jar", Files.readString(jars.get(1)));
            assertTrue(jars.get(0).startsWith(provider.cacheDirectory()), jars.get(0).toString());
        }
    }

    @Test
    void servesAJarFetchedBeforeFromItsCacheWithoutTheServer() throws Exception {
        Path original = jar("job.jar", "job code");
        BlobKey key = server.store().put(original);
        try (BlobJarProvider provider = new BlobJarProvider(config(SECRET), temp.resolve("tm"))) {
            provider.jarsFor(JOB, List.of(key.hex()), serverAddress);
            server.store().delete(key);

            List<Path> again = provider.jarsFor(JobID.generate(), List.of(key.hex()), serverAddress);

            assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(again.get(0)));
        }
    }

    @Test
    void aJarTheServerDoesNotHaveFailsNamingTheJarAndTheJob() throws Exception {
        String missing = BlobKey.fromDigest(new byte[BlobKey.BYTES]).hex();
        try (BlobJarProvider provider = new BlobJarProvider(config(SECRET), temp.resolve("tm"))) {
            IOException failure = assertThrows(IOException.class,
                    () -> provider.jarsFor(JOB, List.of(missing), serverAddress));

            assertTrue(failure.getMessage().contains(missing) && failure.getMessage().contains(JOB.toString()),
                    failure.getMessage());
        }
    }

    @Test
    void aWrongClusterSecretFailsSayingSo() throws Exception {
        BlobKey key = server.store().put(jar("job.jar", "job code"));
        try (BlobJarProvider provider = new BlobJarProvider(config("other-secret"), temp.resolve("tm"))) {
            IOException failure = assertThrows(IOException.class,
                    () -> provider.jarsFor(JOB, List.of(key.hex()), serverAddress));

            assertTrue(failure.getMessage().contains("cluster.secret"), failure.getMessage());
        }
    }

    @Test
    void closingDeletesTheCachedJars() throws Exception {
        BlobKey key = server.store().put(jar("job.jar", "job code"));
        BlobJarProvider provider = new BlobJarProvider(config(SECRET), temp.resolve("tm"));
        provider.jarsFor(JOB, List.of(key.hex()), serverAddress);

        provider.close();

        assertFalse(Files.exists(provider.cacheDirectory()));
    }
}
