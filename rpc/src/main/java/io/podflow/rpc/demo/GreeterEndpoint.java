package io.podflow.rpc.demo;

import io.podflow.rpc.RpcEndpoint;
import io.podflow.rpc.RpcService;

import java.util.concurrent.CompletableFuture;

/** Answers greetings on its main thread, counting them; the count needs no lock because of that. */
final class GreeterEndpoint extends RpcEndpoint implements GreeterGateway {

    static final String NAME = "greeter";

    private long greeted;

    GreeterEndpoint(RpcService rpcService) {
        super(rpcService, NAME);
    }

    @Override
    public CompletableFuture<String> greet(String name) {
        greeted++;
        return CompletableFuture.completedFuture("hello " + name + ", you are caller #" + greeted + " of "
                + getAddress());
    }
}
