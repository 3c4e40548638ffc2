package io.podflow.rpc;

import io.podflow.common.config.Configuration;

import java.time.Duration;

/** Starts RPC services for tests with a known secret and the test types registered. */
final class RpcServices {

    static final String SECRET = "test-cluster-secret";

    private RpcServices() {
    }

    static Configuration config(String secret) {
        return new Configuration()
                .set(RpcOptions.CLUSTER_SECRET, secret)
                .set(RpcOptions.ASK_TIMEOUT, Duration.ofSeconds(10));
    }

    static RpcService start() {
        return start(config(SECRET), 0);
    }

    static RpcService start(Configuration config, int port) {
        return RpcService.builder(config).port(port).registerTypes(EchoGateway.Item.class).start();
    }
}
