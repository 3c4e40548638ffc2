package io.podflow.rpc.demo;

import io.podflow.rpc.RpcGateway;

import java.util.concurrent.CompletableFuture;

/** The demo's one remote call: a greeting that says which call of the server it was. */
public interface GreeterGateway extends RpcGateway {

    CompletableFuture<String> greet(String name);
}
