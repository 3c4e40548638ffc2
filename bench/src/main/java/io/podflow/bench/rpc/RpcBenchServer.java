package io.podflow.bench.rpc;

import io.podflow.common.config.Configuration;
import io.podflow.rpc.RpcOptions;
import io.podflow.rpc.RpcService;

import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * The server JVM of the RPC benchmark: an RPC service with the {@code bench} endpoint and a bare netty echo
 * server, side by side. Prints {@code READY <rpc host:port> <echo port>} and exits when stdin closes.
 * The cluster secret comes from the environment variable {@value #SECRET_VARIABLE}.
 */
public final class RpcBenchServer {

    static final String SECRET_VARIABLE = "PODFLOW_BENCH_SECRET";

    private RpcBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        RpcService rpc = RpcService.builder(config(System.getenv(SECRET_VARIABLE))).start();
        new BenchEndpoint(rpc).start();
        try (NettyEcho echo = NettyEcho.server()) {
            System.out.println("READY " + rpc.getAddress() + " " + echo.port());
            System.out.flush();
            InputStream stdin = System.in;
            while (stdin.read() >= 0) {
                // runs until the benchmark closes our stdin
            }
        } finally {
            rpc.closeAsync().get(30, TimeUnit.SECONDS);
        }
    }

    /** The RPC configuration both benchmark JVMs share: loopback, the given cluster secret. */
    public static Configuration config(String secret) {
        return new Configuration().set(RpcOptions.CLUSTER_SECRET, secret);
    }

    /** The echo endpoint's address on a server whose {@code READY} line gave this RPC address. */
    public static String endpointAddress(String rpcAddress) {
        return rpcAddress + "/" + BenchEndpoint.NAME;
    }
}
