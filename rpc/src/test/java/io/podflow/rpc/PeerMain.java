package io.podflow.rpc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The second process of the two-JVM tests: hosts {@code echo} and a fenced {@code leader} endpoint, prints
 * {@code READY host:port}, and shuts down cleanly when its stdin closes.
 * Arguments: cluster secret, leader fencing token.
 */
public final class PeerMain {

    private PeerMain() {
    }

    public static void main(String[] args) throws Exception {
        RpcService service = RpcServices.start(RpcServices.config(args[0]), 0);
        new EchoEndpoint(service, "echo").start();
        new LeaderEndpoint(service, "leader", UUID.fromString(args[1])).start();
        System.out.println("READY " + service.getAddress());
        System.out.flush();
        try (BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            while (stdin.readLine() != null) {
                // the test closes stdin to ask for a clean shutdown
            }
        }
        service.closeAsync().get(30, TimeUnit.SECONDS);
        System.out.println("STOPPED");
    }
}
