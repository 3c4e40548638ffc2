package io.podflow.bench.rpc;

import io.podflow.rpc.RpcService;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks per second and p50/p99 latency of podflow RPC between two JVMs on loopback, with 1 and 64 calls in
 * flight, next to a bare netty echo of the same payload measured in the same run. Prints each figure and the
 * RPC/echo ratios.
 * Both paths first run unmeasured at 64 in flight for the warm-up time, so the JIT has compiled them before any
 * row is measured; each row then gets one more unmeasured second.
 * Options: {@code --warmup <s>} (default 15), {@code --measure <s>} (default 10), {@code --payload <bytes>} (100).
 */
public final class RpcBenchmark {

    private static final int[] IN_FLIGHT = {1, 64};

    private RpcBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration warmup = Duration.ofSeconds(option(args, "--warmup", 15));
        Duration rowWarmup = Duration.ofSeconds(1);
        Duration measure = Duration.ofSeconds(option(args, "--measure", 10));
        byte[] payload = new byte[option(args, "--payload", 100)];
        new SecureRandom().nextBytes(payload);
        byte[] secretBytes = new byte[24];
        new SecureRandom().nextBytes(secretBytes);
        String secret = HexFormat.of().formatHex(secretBytes);

        Process server = startServer(secret);
        try {
            String[] ready = awaitReady(server);
            RpcService rpc = RpcService.builder(RpcBenchServer.config(secret)).start();
            try (NettyEcho echo = NettyEcho.client(Integer.parseInt(ready[2]))) {
                BenchGateway gateway = rpc.connect(ready[1] + "/" + BenchEndpoint.NAME, BenchGateway.class)
                        .get(30, TimeUnit.SECONDS);
                System.out.printf("RPC benchmark: payload %d bytes, warm-up %d s per path, measured %d s per row, "
                                + "%d cores%n",
                        payload.length, warmup.toSeconds(), measure.toSeconds(),
                        Runtime.getRuntime().availableProcessors());
                ClosedLoop.Sender floorSender = echo.sender(payload);
                ClosedLoop.Sender rpcSender = (loop, lane, start) -> gateway.echo(payload)
                        .whenComplete((reply, error) -> {
                            if (error != null) {
                                loop.failed(error);
                            } else {
                                loop.completed(lane, start);
                            }
                        });
                ClosedLoop.run("netty-echo", 64, warmup, Duration.ZERO, server.toHandle(), floorSender);
                ClosedLoop.run("rpc-ask", 64, warmup, Duration.ZERO, server.toHandle(), rpcSender);
                List<Measurement[]> pairs = new ArrayList<>();
                for (int inFlight : IN_FLIGHT) {
                    Measurement floor = ClosedLoop.run("netty-echo", inFlight, rowWarmup, measure,
                            server.toHandle(), floorSender);
                    System.out.println(floor.line());
                    Measurement asks = ClosedLoop.run("rpc-ask", inFlight, rowWarmup, measure,
                            server.toHandle(), rpcSender);
                    System.out.println(asks.line());
                    pairs.add(new Measurement[] {asks, floor});
                }
                System.out.println();
                for (Measurement[] pair : pairs) {
                    System.out.printf("in-flight %3d: RPC/echo throughput %.2f, p50 %.2fx, p99 %.2fx, cpu/req %.2fx%n",
                            pair[0].inFlight(), pair[0].perSecond() / pair[1].perSecond(),
                            pair[0].p50Micros() / pair[1].p50Micros(), pair[0].p99Micros() / pair[1].p99Micros(),
                            pair[0].cpuMicrosPerRequest() / pair[1].cpuMicrosPerRequest());
                }
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

    /** Starts {@link RpcBenchServer} in its own JVM on this JVM's class path; it runs until its stdin closes. */
    public static Process startServer(String secret) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                RpcBenchServer.class.getName());
        builder.environment().put(RpcBenchServer.SECRET_VARIABLE, secret);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return builder.start();
    }

    /** Reads the server's {@code READY <rpc address> <echo port>} line, split on spaces. */
    public static String[] awaitReady(Process server) throws Exception {
        BufferedReader output = new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith("READY ")) {
                return line.split(" ");
            }
        }
        throw new IllegalStateException("The benchmark server exited before it was ready");
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
