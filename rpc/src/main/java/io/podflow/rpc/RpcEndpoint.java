package io.podflow.rpc;

import org.apache.pekko.actor.ActorRef;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Base of every server-side component reachable over RPC. An endpoint is backed by one actor whose mailbox is its
 * main thread: gateway calls, {@link #runAsync}, {@link #callAsync} and scheduled runs all execute there one at a
 * time, so endpoint state needs no locks as long as it is touched only from the main thread. That thread may be
 * the netty I/O thread that read the call, so endpoint code must never block: blocking work goes to an I/O pool
 * and comes back with {@link #runAsync}. Subclasses implement one or more {@link RpcGateway} interfaces; only those
 * interfaces' methods can be called remotely.
 */
public abstract class RpcEndpoint implements RpcGateway {

    private final RpcService rpcService;
    private final String endpointId;
    private final RpcAddress address;
    private final Map<String, GatewayMethod> methods;
    private final ActorRef actor;
    private final CompletableFuture<Void> termination = new CompletableFuture<>();
    private volatile Thread mainThread;

    protected RpcEndpoint(RpcService rpcService, String endpointId) {
        this.rpcService = rpcService;
        this.endpointId = endpointId;
        this.address = rpcService.addressOf(endpointId);
        this.methods = rpcService.gatewayMethods().ofEndpoint(getClass());
        rpcService.reserve(endpointId);
        this.actor = rpcService.spawnActor(this);
    }

    /** Runs {@link #onStart()} on the main thread and makes the endpoint reachable at {@link #getAddress()}. */
    public final void start() {
        // published first: onStart may at once tell a peer to call back (a JobMaster registering with the
        // ResourceManager), and that call must find the endpoint; calls queue behind Start in the mailbox
        rpcService.publish(this);
        actor.tell(new MainThreadMessage.Start(), ActorRef.noSender());
    }

    /** Called on the main thread when the endpoint starts; a failure stops the endpoint. */
    protected void onStart() throws Exception {
    }

    /** Called on the main thread when the endpoint stops; the endpoint terminates when the future completes. */
    protected CompletableFuture<Void> onStop() {
        return CompletableFuture.completedFuture(null);
    }

    /** Stops the endpoint: no further calls are served, {@link #onStop()} runs, then the actor stops. */
    public final CompletableFuture<Void> closeAsync() {
        actor.tell(new MainThreadMessage.Stop(), ActorRef.noSender());
        return termination;
    }

    /** Completes when the endpoint has stopped; exceptionally if {@code onStart} or {@code onStop} failed. */
    public final CompletableFuture<Void> getTerminationFuture() {
        return termination;
    }

    @Override
    public final String getAddress() {
        return address.toString();
    }

    public final String getEndpointId() {
        return endpointId;
    }

    public final RpcService getRpcService() {
        return rpcService;
    }

    /** Runs the task on the main thread, after the messages already queued. */
    public final void runAsync(Runnable task) {
        actor.tell(new MainThreadMessage.RunAsync(task), ActorRef.noSender());
    }

    /** Runs the callable on the main thread; the future fails with {@link RpcTimeoutException} after the timeout. */
    @SuppressWarnings("unchecked")
    public final <V> CompletableFuture<V> callAsync(Callable<V> task, Duration timeout) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        rpcService.askTimeouts().failAfter(result, timeout,
                () -> new RpcTimeoutException("callAsync on " + getAddress() + " did not complete within " + timeout));
        actor.tell(new MainThreadMessage.CallAsync(task, result), ActorRef.noSender());
        return (CompletableFuture<V>) result;
    }

    /** Runs the task on the main thread after the delay. */
    public final ScheduledRun scheduleRunAsync(Runnable task, Duration delay) {
        ScheduledRun scheduled = new ScheduledRun();
        scheduled.attach(rpcService.scheduleOnce(actor, new MainThreadMessage.RunAsync(scheduled.guard(task)), delay));
        return scheduled;
    }

    /** An executor that runs on this endpoint's main thread, for continuing future callbacks there. */
    public final Executor getMainThreadExecutor() {
        return this::runAsync;
    }

    /**
     * A gateway to this endpoint that needs no connection; calls still go through the mailbox. For a fenced
     * endpoint the self gateway is trusted and not checked against the fencing token.
     */
    public final <C extends RpcGateway> C getSelfGateway(Class<C> gatewayType) {
        if (!gatewayType.isInstance(this)) {
            throw new IllegalArgumentException(getClass().getName() + " does not implement " + gatewayType.getName());
        }
        return rpcService.localGateway(this, gatewayType, false, null);
    }

    /** True if the calling thread is currently running this endpoint's main-thread code. */
    public final boolean isRunningInMainThread() {
        return mainThread == Thread.currentThread();
    }

    /** Throws {@link IllegalStateException} unless called from this endpoint's main thread. */
    public final void validateRunsInMainThread() {
        if (!isRunningInMainThread()) {
            throw new IllegalStateException("Endpoint " + getAddress() + " state touched outside its main thread, on "
                    + Thread.currentThread().getName());
        }
    }

    final void enterMainThread() {
        mainThread = Thread.currentThread();
    }

    final void leaveMainThread() {
        mainThread = null;
    }

    final Map<String, GatewayMethod> rpcMethods() {
        return methods;
    }

    final void deliver(MainThreadMessage message) {
        actor.tell(message, ActorRef.noSender());
    }

    final void terminated(Throwable error) {
        rpcService.release(this);
        if (error == null) {
            termination.complete(null);
        } else {
            termination.completeExceptionally(error);
        }
    }
}
