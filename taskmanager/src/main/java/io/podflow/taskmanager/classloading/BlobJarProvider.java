package io.podflow.taskmanager.classloading;

import io.podflow.common.config.Configuration;
import io.podflow.protocol.blob.BlobClient;
import io.podflow.protocol.blob.BlobException;
import io.podflow.protocol.blob.BlobKey;
import io.podflow.protocol.job.JobID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Fetches a job's jars from the BlobServer its deployment names and keeps them in a cache directory of this
 * TaskManager, so a jar is fetched once however many tasks of the job run here. The directory is removed on close.
 */
public final class BlobJarProvider implements JarProvider, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlobJarProvider.class);

    private final Configuration config;
    private final Path cacheDirectory;
    private final Map<String, BlobClient> clients = new ConcurrentHashMap<>();

    /** Caches jars in a new directory under {@code parent}; {@code config} carries the cluster secret. */
    public BlobJarProvider(Configuration config, Path parent) throws IOException {
        this.config = config;
        this.cacheDirectory = Files.createTempDirectory(Files.createDirectories(parent), "podflow-jars-");
    }

    public Path cacheDirectory() {
        return cacheDirectory;
    }

    @Override
    public List<Path> jarsFor(JobID jobId, List<String> blobKeys, String blobServerAddress) throws IOException {
        List<Path> jars = new ArrayList<>(blobKeys.size());
        for (String key : blobKeys) {
            try {
                jars.add(clients.computeIfAbsent(blobServerAddress, this::connectTo).get(new BlobKey(key)));
            } catch (IllegalArgumentException | BlobException e) {
                throw new IOException("Cannot fetch jar " + key + " of job " + jobId + ": " + e.getMessage(), e);
            }
        }
        return jars;
    }

    private BlobClient connectTo(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new BlobException("Blob server address '" + hostPort + "' is not host:port");
        }
        String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new BlobException("Blob server address '" + hostPort + "' has no numeric port", e);
        }
        return new BlobClient(new InetSocketAddress(host, port), config, cacheDirectory);
    }

    /** Stops the clients and deletes the cached jars. */
    @Override
    public void close() {
        clients.values().forEach(BlobClient::close);
        clients.clear();
        try (Stream<Path> files = Files.walk(cacheDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete the jar cache {}: {}", cacheDirectory, e.getMessage());
        }
    }
}
