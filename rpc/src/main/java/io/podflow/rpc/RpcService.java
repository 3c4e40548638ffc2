package io.podflow.rpc;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.podflow.common.config.Configuration;
import io.podflow.rpc.transport.HandshakeProof;
import io.podflow.rpc.transport.ResponseListener;
import io.podflow.rpc.transport.RpcMessage;
import io.podflow.rpc.transport.RpcPipeline;
import io.podflow.rpc.transport.ServerDispatchHandler;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.Props;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One per process: listens on {@code host:port} (netty, NIO), hosts named {@link RpcEndpoint}s, each backed by an
 * actor of the service's Pekko actor system, and connects to endpoints elsewhere through gateway proxies. Every
 * connection is authenticated with the cluster secret before any payload is decoded.
 */
public final class RpcService {

    private static final Logger LOG = LoggerFactory.getLogger(RpcService.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final String advertisedHost;
    private final int port;
    private final Duration askTimeout;
    private final RpcTypeRegistry types;
    private final PayloadCodec codec;
    private final GatewayMethods gatewayMethods;
    private final AskTimeouts askTimeouts = new AskTimeouts();
    private final RpcPipeline pipeline;
    private final EventLoopGroup eventLoops;
    private final Bootstrap clientBootstrap;
    private final Channel serverChannel;
    private final ActorSystem actorSystem;
    private final Set<String> reservedNames = ConcurrentHashMap.newKeySet();
    private final Map<String, RpcEndpoint> allEndpoints = new ConcurrentHashMap<>();
    private final Map<String, RpcEndpoint> endpoints = new ConcurrentHashMap<>();
    private final Map<String, ClientConnection> connections = new ConcurrentHashMap<>();
    private final ChannelGroup serverConnections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final AtomicLong actorCounter = new AtomicLong();
    private final CompletableFuture<Void> termination = new CompletableFuture<>();
    private volatile boolean closing;

    private RpcService(Builder builder) {
        Configuration config = builder.configuration;
        String secret = config.get(RpcOptions.CLUSTER_SECRET);
        if (secret == null || secret.isEmpty()) {
            throw new RpcException(RpcOptions.CLUSTER_SECRET.key() + " is not set: every RPC connection must "
                    + "authenticate, so set it to the same secret on every JobManager and TaskManager (in "
                    + "flink-conf.yaml, as -D" + RpcOptions.CLUSTER_SECRET.key() + "=..., or in the environment "
                    + "variable PODFLOW_CLUSTER_SECRET, which a pod can take from a Kubernetes Secret)");
        }
        long maxFrame = config.get(RpcOptions.FRAME_MAX_SIZE).getBytes();
        if (maxFrame < 1024 || maxFrame > Integer.MAX_VALUE - 8) {
            throw new RpcException(RpcOptions.FRAME_MAX_SIZE.key() + " must be between 1 KiB and 2 GiB, not "
                    + maxFrame + " bytes");
        }
        this.askTimeout = config.get(RpcOptions.ASK_TIMEOUT);
        this.types = builder.types;
        this.codec = new PayloadCodec(types);
        this.gatewayMethods = new GatewayMethods(codec, types);
        this.pipeline = new RpcPipeline(new HandshakeProof(secret), config.get(RpcOptions.HANDSHAKE_TIMEOUT),
                (int) maxFrame);
        this.eventLoops = new MultiThreadIoEventLoopGroup(builder.ioThreads,
                new DefaultThreadFactory("podflow-rpc-netty", false), NioIoHandler.newFactory());
        this.actorSystem = startActorSystem();
        EndpointDispatcher.register(actorSystem, eventLoops);
        this.clientBootstrap = new Bootstrap().group(eventLoops).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(askTimeout.toMillis(), Integer.MAX_VALUE));
        try {
            this.serverChannel = bind(builder.bindHost, builder.port, (int) maxFrame);
        } catch (RuntimeException e) {
            shutDownTransportAndActors();
            throw e;
        }
        this.advertisedHost = builder.advertisedHost;
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        LOG.info("RPC service listening on {}:{} (advertised as {})", builder.bindHost, port, hostPort());
    }

    /** Starts describing an RPC service; {@link Builder#start()} binds it. */
    public static Builder builder(Configuration configuration) {
        return new Builder(configuration);
    }

    private Channel bind(String host, int bindPort, int maxFrameBytes) {
        ServerRequests requests = new ServerRequests(this, codec, maxFrameBytes);
        ServerDispatchHandler dispatch = new ServerDispatchHandler(requests);
        ServerBootstrap server = new ServerBootstrap().group(eventLoops).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        serverConnections.add(channel);
                        pipeline.initServer(channel.pipeline(), dispatch);
                    }
                });
        var bound = server.bind(host, bindPort).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new RpcException("Cannot listen for RPC on " + host + ":" + bindPort + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        return bound.channel();
    }

    private static ActorSystem startActorSystem() {
        Config config = ConfigFactory.parseString(String.join("\n",
                "pekko.daemonic = on",
                "pekko.loggers = [\"org.apache.pekko.event.slf4j.Slf4jLogger\"]",
                "pekko.logging-filter = \"org.apache.pekko.event.slf4j.Slf4jLoggingFilter\"",
                "pekko.loglevel = INFO",
                "pekko.stdout-loglevel = OFF",
                "pekko.log-dead-letters = off",
                "pekko.log-dead-letters-during-shutdown = off",
                "pekko.jvm-shutdown-hooks = off",
                "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off",
                "pekko.actor.provider = local"))
                .withFallback(ConfigFactory.defaultReference(RpcService.class.getClassLoader()));
        return ActorSystem.create("podflow", config, RpcService.class.getClassLoader());
    }

    /** {@code host:port} this service is reached at. */
    public String getAddress() {
        return hostPort();
    }

    public String getHost() {
        return advertisedHost;
    }

    public int getPort() {
        return port;
    }

    /** The allow-list of wire types; register application types before starting endpoints or connecting. */
    public RpcTypeRegistry types() {
        return types;
    }

    /** The default ask timeout ({@code rpc.ask.timeout}). */
    public Duration askTimeout() {
        return askTimeout;
    }

    /** Connects to the endpoint at {@code host:port/endpoint}; fails if nothing is running there. */
    public <C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> gatewayType) {
        return connectGateway(address, null, gatewayType);
    }

    /** Connects to a fenced endpoint; every call carries {@code fencingToken}. */
    public <F, C extends FencedRpcGateway<F>> CompletableFuture<C> connect(String address, F fencingToken,
            Class<C> gatewayType) {
        if (fencingToken == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("A fencing token is required"));
        }
        return connectGateway(address, fencingToken, gatewayType);
    }

    private <C extends RpcGateway> CompletableFuture<C> connectGateway(String address, Object fencingToken,
            Class<C> gatewayType) {
        RpcAddress target;
        Map<Method, GatewayMethod> methods;
        try {
            target = RpcAddress.parse(address);
            methods = gatewayMethods.ofGateway(gatewayType);
            if (fencingToken != null) {
                types.checkDeclared(fencingToken.getClass(), "the fencing token for " + address);
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (closing) {
            return CompletableFuture.failedFuture(new RpcException("RPC service " + hostPort() + " is shut down"));
        }
        if (target.hostPort().equals(hostPort())) {
            RpcEndpoint endpoint = endpoints.get(target.endpoint());
            if (endpoint == null) {
                return CompletableFuture.failedFuture(new RpcEndpointNotFoundException(
                        "No endpoint '" + target.endpoint() + "' is running at " + hostPort()));
            }
            if (!gatewayType.isInstance(endpoint)) {
                return CompletableFuture.failedFuture(new RpcException("Endpoint " + address + " does not implement "
                        + gatewayType.getName()));
            }
            return CompletableFuture.completedFuture(localGateway(endpoint, gatewayType, true, fencingToken));
        }
        CompletableFuture<Void> identified = new CompletableFuture<>();
        connectionTo(target).ask(callId -> new RpcMessage.Identify(callId, target.endpoint()),
                new IdentifyListener(identified, codec), askTimeout, () -> "Connecting to " + address);
        return identified.thenApply(ignored -> proxy(gatewayType,
                new GatewayInvocationHandler(target, fencingToken, methods, new RemoteCallRoute(this, codec, target),
                        askTimeout)));
    }

    <C extends RpcGateway> C localGateway(RpcEndpoint endpoint, Class<C> gatewayType, boolean fenced,
            Object fencingToken) {
        GatewayInvocationHandler handler = new GatewayInvocationHandler(RpcAddress.parse(endpoint.getAddress()),
                fencingToken, gatewayMethods.ofGateway(gatewayType),
                new LocalCallRoute(endpoint, fenced, askTimeouts), askTimeout);
        return proxy(gatewayType, handler);
    }

    private static <C> C proxy(Class<C> gatewayType, GatewayInvocationHandler handler) {
        return gatewayType.cast(Proxy.newProxyInstance(gatewayType.getClassLoader(), new Class<?>[] {gatewayType},
                handler));
    }

    ClientConnection connectionTo(RpcAddress target) {
        ClientConnection current = connections.get(target.hostPort());
        if (current != null && current.isUsable()) {
            return current;
        }
        ClientConnection fresh = ClientConnection.to(target, askTimeouts);
        ClientConnection chosen = connections.compute(target.hostPort(),
                (hostPort, existing) -> existing != null && existing.isUsable() ? existing : fresh);
        if (chosen == fresh) {
            // opened outside compute(): a connect that fails at once removes the entry from its callback
            fresh.open(clientBootstrap, pipeline, target, closed -> connections.remove(closed.hostPort(), closed));
        }
        return chosen;
    }

    /** Stops every endpoint, closes all connections, the netty event loops and the actor system. */
    public CompletableFuture<Void> closeAsync() {
        synchronized (termination) {
            if (closing) {
                return termination;
            }
            closing = true;
        }
        Thread shutdown = new Thread(this::shutDown, "podflow-rpc-shutdown");
        shutdown.start();
        return termination;
    }

    /** Completes when {@link #closeAsync()} has finished. */
    public CompletableFuture<Void> getTerminationFuture() {
        return termination;
    }

    private void shutDown() {
        try {
            List<CompletableFuture<Void>> stopped = new ArrayList<>();
            for (RpcEndpoint endpoint : List.copyOf(allEndpoints.values())) {
                stopped.add(endpoint.closeAsync().exceptionally(error -> null));
            }
            try {
                CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new))
                        .get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.warn("Not every endpoint of RPC service {} stopped within {}", hostPort(), SHUTDOWN_WAIT);
            }
            serverChannel.close().awaitUninterruptibly();
            // peers must see their connections end now, not whenever the I/O threads get round to it
            serverConnections.close().awaitUninterruptibly(SHUTDOWN_WAIT.toMillis());
            connections.values().forEach(ClientConnection::close);
            shutDownTransportAndActors();
            termination.complete(null);
        } catch (Throwable error) {
            termination.completeExceptionally(error);
        }
    }

    private void shutDownTransportAndActors() {
        eventLoops.shutdownGracefully(0, SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS)
                .awaitUninterruptibly(SHUTDOWN_WAIT.toMillis() * 2);
        askTimeouts.stop();
        actorSystem.terminate();
        try {
            actorSystem.getWhenTerminated().toCompletableFuture().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("Actor system of the RPC service did not terminate within {}", SHUTDOWN_WAIT);
        }
    }

    RpcAddress addressOf(String endpointId) {
        return new RpcAddress(advertisedHost, port, endpointId);
    }

    void reserve(String endpointId) {
        if (closing) {
            throw new RpcException("RPC service " + hostPort() + " is shut down");
        }
        if (!reservedNames.add(endpointId)) {
            throw new IllegalStateException("An endpoint named '" + endpointId + "' already exists at " + hostPort());
        }
    }

    ActorRef spawnActor(RpcEndpoint endpoint) {
        allEndpoints.put(endpoint.getEndpointId(), endpoint);
        return actorSystem.actorOf(Props.create(EndpointActor.class, () -> new EndpointActor(endpoint))
                        .withDispatcher(EndpointDispatcher.ID),
                endpoint.getEndpointId() + "-" + actorCounter.incrementAndGet());
    }

    void publish(RpcEndpoint endpoint) {
        endpoints.put(endpoint.getEndpointId(), endpoint);
    }

    void release(RpcEndpoint endpoint) {
        endpoints.remove(endpoint.getEndpointId(), endpoint);
        allEndpoints.remove(endpoint.getEndpointId(), endpoint);
        reservedNames.remove(endpoint.getEndpointId());
    }

    RpcEndpoint publishedEndpoint(String endpointId) {
        return endpoints.get(endpointId);
    }

    Cancellable scheduleOnce(ActorRef actor, Object message, Duration delay) {
        return actorSystem.scheduler().scheduleOnce(delay, actor, message, actorSystem.dispatcher(),
                ActorRef.noSender());
    }

    GatewayMethods gatewayMethods() {
        return gatewayMethods;
    }

    AskTimeouts askTimeouts() {
        return askTimeouts;
    }

    /** Open server-side connections, authenticated or not; for tests that check nothing is held. */
    int serverConnectionCount() {
        return serverConnections.size();
    }

    private String hostPort() {
        return RpcAddress.hostPort(advertisedHost, port);
    }

    /** Settings of an {@link RpcService} before it binds. */
    public static final class Builder {

        private final Configuration configuration;
        private final RpcTypeRegistry types = new RpcTypeRegistry();
        private String bindHost = "127.0.0.1";
        private String advertisedHost = "127.0.0.1";
        private int port;
        private int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());

        private Builder(Configuration configuration) {
            this.configuration = configuration;
        }

        /** Host to listen on and to advertise in addresses (default {@code 127.0.0.1}). */
        public Builder host(String host) {
            this.bindHost = host;
            this.advertisedHost = host;
            return this;
        }

        /** Listen on a different host than the advertised one, e.g. {@code 0.0.0.0} in a pod. */
        public Builder bindHost(String host) {
            this.bindHost = host;
            return this;
        }

        /** Port to listen on; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Number of netty I/O threads. */
        public Builder ioThreads(int threads) {
            this.ioThreads = threads;
            return this;
        }

        /** Allows these application types on the wire. */
        public Builder registerTypes(Class<?>... classes) {
            types.register(classes);
            return this;
        }

        public RpcService start() {
            return new RpcService(this);
        }
    }

    /** Completes a connect once the remote service confirms the endpoint exists. */
    private static final class IdentifyListener implements ResponseListener {

        private final CompletableFuture<Void> identified;
        private final PayloadCodec codec;

        IdentifyListener(CompletableFuture<Void> identified, PayloadCodec codec) {
            this.identified = identified;
            this.codec = codec;
        }

        @Override
        public void onResult(byte[] value) {
            identified.complete(null);
        }

        @Override
        public void onFailure(byte[] failure) {
            identified.completeExceptionally(codec.decodeFailure(failure));
        }

        @Override
        public void onError(Throwable error) {
            identified.completeExceptionally(error);
        }
    }
}
