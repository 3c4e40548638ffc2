package io.podflow.bench.cluster;

import io.podflow.bench.rpc.BenchGateway;
import io.podflow.bench.rpc.RpcBenchServer;
import io.podflow.bench.rpc.RpcBenchmark;
import io.podflow.client.rest.RestClusterClient;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobStatus;
import io.podflow.protocol.job.JobVertex;
import io.podflow.protocol.job.JobVertexID;
import io.podflow.rpc.RpcService;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Time from {@code POST /jobs} to every subtask RUNNING, for one vertex of {@link RunUntilCancelled} on a running
 * cluster, next to the floor measured in the same run: the same number of podflow RPC asks done one after the
 * other between two JVMs. The first submission is reported apart (cold); the median is over the warm ones.
 * Options: {@code --rest <url>} {@code --token <bearer>} (required), {@code --parallelism <n>} (16),
 * {@code --runs <n>} (5), {@code --round-trips <n>} (54), {@code --slots <n>} (slots the cluster offers, 16).
 */
public final class ClusterCoreBenchmark {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int FLOOR_WARMUP_ASKS = 5_000;

    private ClusterCoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URI rest = URI.create(option(args, "--rest", null));
        String token = option(args, "--token", null);
        int parallelism = Integer.parseInt(option(args, "--parallelism", "16"));
        int runs = Integer.parseInt(option(args, "--runs", "5"));
        int roundTrips = Integer.parseInt(option(args, "--round-trips", "54"));
        int slots = Integer.parseInt(option(args, "--slots", "16"));

        RestClusterClient client = new RestClusterClient(rest, Map.of("Authorization", "Bearer " + token),
                Duration.ofSeconds(30));
        Path jar = jarOf(RunUntilCancelled.class);
        String jarId = client.uploadJar(jar);
        Files.delete(jar);

        long coldMillis = submitUntilRunning(client, jarId, parallelism, slots);
        List<Long> warmMillis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            warmMillis.add(submitUntilRunning(client, jarId, parallelism, slots));
        }
        List<Double> floorMillis = floor(roundTrips, runs);

        double clusterMedian = median(warmMillis.stream().map(Long::doubleValue).toList());
        double floorMedian = median(floorMillis);
        System.out.printf("submit-to-RUNNING, parallelism %d: cold %d ms, warm runs %s ms, median %.1f ms%n",
                parallelism, coldMillis, warmMillis, clusterMedian);
        System.out.printf("floor, %d sequential RPC asks between two JVMs: runs %s ms, median %.2f ms%n",
                roundTrips, floorMillis.stream().map(value -> String.format("%.2f", value)).toList(), floorMedian);
        System.out.printf("ratio submit-to-RUNNING / floor: %.1f%n", clusterMedian / floorMedian);
    }

    /** Submits one job, returns the milliseconds until all its subtasks ran, then cancels it and waits for its slots. */
    private static long submitUntilRunning(RestClusterClient client, String jarId, int parallelism, int slots)
            throws Exception {
        JobVertex vertex = new JobVertex(JobVertexID.generate(), "idle", RunUntilCancelled.class.getName(),
                parallelism, Map.of());
        JobGraph graph = new JobGraph(JobID.generate(), "cluster-core benchmark", List.of(vertex), List.of(),
                List.of(), Map.of());
        long start = System.nanoTime();
        JobID job = client.submitJob(graph, List.of(jarId));
        awaitTrue(() -> client.get("/jobs/" + job).path("status-counts").path("RUNNING").asInt() == parallelism,
                "all " + parallelism + " subtasks RUNNING");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        client.cancelJob(job);
        awaitTrue(() -> client.jobStatus(job) == JobStatus.CANCELED, "the job CANCELED");
        awaitTrue(() -> client.get("/overview").path("slots-available").asInt() == slots, "every slot free again");
        return millis;
    }

    private static List<Double> floor(int roundTrips, int runs) throws Exception {
        byte[] secretBytes = new byte[24];
        new SecureRandom().nextBytes(secretBytes);
        String secret = HexFormat.of().formatHex(secretBytes);
        byte[] payload = new byte[100];
        Process server = RpcBenchmark.startServer(secret);
        try {
            String[] ready = RpcBenchmark.awaitReady(server);
            RpcService rpc = RpcService.builder(RpcBenchServer.config(secret)).start();
            try {
                BenchGateway gateway = rpc.connect(RpcBenchServer.endpointAddress(ready[1]), BenchGateway.class)
                        .get(30, TimeUnit.SECONDS);
                askInSequence(gateway, payload, FLOOR_WARMUP_ASKS);
                List<Double> millis = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    long start = System.nanoTime();
                    askInSequence(gateway, payload, roundTrips);
                    millis.add((System.nanoTime() - start) / 1e6);
                }
                return millis;
            } finally {
                rpc.closeAsync().get(30, TimeUnit.SECONDS);
            }
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static void askInSequence(BenchGateway gateway, byte[] payload, int asks) throws Exception {
        for (int ask = 0; ask < asks; ask++) {
            gateway.echo(payload).get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitTrue(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return;
            }
            // a short pause: the poll itself is REST work on the JobManager, so it should not spin
            Thread.sleep(2);
        }
        throw new IllegalStateException("Gave up waiting for " + what + " after " + DEADLINE.toSeconds() + " s");
    }

    private static Path jarOf(Class<?> type) throws Exception {
        Path jar = Files.createTempFile("podflow-cluster-bench", ".jar");
        String entry = type.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                InputStream bytes = type.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException("Missing option " + name);
        }
        return fallback;
    }

    /** A condition polled until it holds. */
    private interface Check {
        boolean holds() throws Exception;
    }
}
