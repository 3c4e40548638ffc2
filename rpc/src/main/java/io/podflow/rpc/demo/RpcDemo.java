package io.podflow.rpc.demo;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.ConfigurationLoader;
import io.podflow.rpc.RpcOptions;
import io.podflow.rpc.RpcService;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A two-process demonstration of the RPC layer: {@code server HOST PORT} hosts a greeter endpoint until killed;
 * {@code client ADDRESS N} greets it N times and prints each answer with its round-trip time. Both sides need
 * the same {@code cluster.secret} (a {@code -D} argument or the {@code CLUSTER_SECRET} environment variable).
 */
public final class RpcDemo {

    private RpcDemo() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: RpcDemo server HOST PORT | client HOST:PORT/greeter COUNT  [-Dkey=value ...]");
            System.exit(2);
        }
        Configuration config = configuration(Arrays.asList(args).subList(3, args.length));
        if ("server".equals(args[0])) {
            serve(config, args[1], Integer.parseInt(args[2]));
        } else {
            try {
                greet(config, args[1], Integer.parseInt(args[2]));
            } catch (ExecutionException e) {
                System.err.println("RPC demo client failed: " + e.getCause().getMessage());
                System.exit(1);
            }
        }
    }

    private static Configuration configuration(List<String> dynamicArgs) {
        Configuration config = Configuration.fromMap(ConfigurationLoader.parseDynamicProperties(dynamicArgs));
        String secretFromEnv = System.getenv("CLUSTER_SECRET");
        if (!config.contains(RpcOptions.CLUSTER_SECRET) && secretFromEnv != null) {
            config.set(RpcOptions.CLUSTER_SECRET, secretFromEnv);
        }
        return config;
    }

    private static void serve(Configuration config, String host, int port) throws InterruptedException {
        RpcService service = RpcService.builder(config).host(host).bindHost(host).port(port).start();
        new GreeterEndpoint(service).start();
        System.out.println("greeter listening at " + service.getAddress() + "/" + GreeterEndpoint.NAME);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.closeAsync().orTimeout(10, TimeUnit.SECONDS).join();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static void greet(Configuration config, String address, int count) throws Exception {
        RpcService service = RpcService.builder(config).host("127.0.0.1").bindHost("127.0.0.1").port(0).start();
        try {
            GreeterGateway greeter = service.connect(address, GreeterGateway.class).get(30, TimeUnit.SECONDS);
            String me = System.getenv().getOrDefault("HOSTNAME", "client");
            for (int i = 1; i <= count; i++) {
                long start = System.nanoTime();
                String answer = greeter.greet(me).get(30, TimeUnit.SECONDS);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                System.out.printf("call %d: %s (%.2f ms)%n", i, answer, took.toNanos() / 1e6);
            }
        } finally {
            service.closeAsync().get(30, TimeUnit.SECONDS);
        }
    }
}
