package io.podflow.taskmanager.exchange.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.deployment.TaskDeploymentDescriptor;
import io.podflow.protocol.deployment.TaskInput;
import io.podflow.protocol.deployment.TaskOutput;
import io.podflow.protocol.deployment.TaskPeer;
import io.podflow.protocol.job.ChannelSelector;
import io.podflow.protocol.job.ExecutionAttemptID;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.Partitioning;
import io.podflow.protocol.job.TaskLoad;
import io.podflow.protocol.task.RecordReader;
import io.podflow.rpc.transport.HandshakeProof;
import io.podflow.taskmanager.exchange.DataExchange;
import io.podflow.taskmanager.exchange.PartitionWriter;
import io.podflow.taskmanager.exchange.load.TaskLoadMeter;
import io.podflow.taskmanager.exchange.load.TaskLoadMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The data plane of a TaskManager: producers write into result partitions here, consumers on other TaskManagers
 * fetch their subpartitions over authenticated netty connections with credit-based flow control, and consumers in
 * this TaskManager read the same subpartitions in memory.
 */
public final class NettyDataExchange implements DataExchange, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NettyDataExchange.class);

    private final ResourceID self;
    private final NetworkSettings settings;
    private final ByteBufAllocator allocator = ByteBufAllocator.DEFAULT;
    private final PartitionRegistry registry = new PartitionRegistry();
    private final DataPipeline pipeline;
    private final EventLoopGroup eventLoops;
    private final Channel serverChannel;
    private final Map<JobID, List<ResultPartition>> partitions = new ConcurrentHashMap<>();
    private final Map<JobID, List<InputGate>> gates = new ConcurrentHashMap<>();
    private final Map<JobID, List<Channel>> connections = new ConcurrentHashMap<>();
    private final TaskLoadMeters loads = new TaskLoadMeters();

    private NettyDataExchange(ResourceID self, NetworkSettings settings) throws InterruptedException {
        this.self = self;
        this.settings = settings;
        this.pipeline = new DataPipeline(new HandshakeProof(settings.clusterSecret()), settings.handshakeTimeout());
        this.eventLoops = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("podflow-data", true),
                NioIoHandler.newFactory());
        ServerBootstrap server = new ServerBootstrap().group(eventLoops).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        pipeline.initServer(channel.pipeline(),
                                new PartitionRequestHandler(registry, settings.requestTimeout()));
                    }
                });
        ChannelFuture bound = server.bind(settings.bindHost(), settings.port()).await();
        if (!bound.isSuccess()) {
            eventLoops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("The data plane cannot listen on " + settings.bindHost() + ":"
                    + settings.port() + ": " + bound.cause().getMessage(), bound.cause());
        }
        this.serverChannel = bound.channel();
        long flushMillis = settings.flushInterval().toMillis();
        eventLoops.scheduleAtFixedRate(this::flushAll, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
        LOG.info("Data plane of {} listens on port {}", self, port());
    }

    /** Starts listening on {@code settings.port()} (0 for a free port); {@code self} tells local peers apart. */
    public static NettyDataExchange start(ResourceID self, NetworkSettings settings) {
        try {
            return new NettyDataExchange(self, settings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the data plane", e);
        }
    }

    /** The port the data plane listens on, which TaskManagers advertise as their data port. */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public RecordReader openInput(TaskDeploymentDescriptor task, TaskInput input) {
        List<TaskPeer> producers = input.producers();
        List<InputGate> jobGates = gates.computeIfAbsent(task.jobId(), ignored -> new CopyOnWriteArrayList<>());
        InputGate gate = new InputGate(task.subtaskName() + " from " + input.sourceVertex(), producers.size(),
                jobGates::remove, loads.of(task.attemptId(), task.jobId()).idle());
        jobGates.add(gate);
        for (int channel = 0; channel < producers.size(); channel++) {
            TaskPeer producer = producers.get(channel);
            SubpartitionKey key = new SubpartitionKey(task.jobId(), input.sourceVertex(), producer.subtaskIndex(),
                    task.vertexId(), task.subtaskIndex());
            if (producer.location().resourceId().equals(self)) {
                readLocally(gate, channel, key);
            } else {
                readRemotely(gate, channel, key, producer);
            }
        }
        return gate;
    }

    private void readLocally(InputGate gate, int channel, SubpartitionKey key) {
        LocalChannelView view = new LocalChannelView(gate, channel);
        registry.request(key).orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((subpartition, error) -> {
                    if (error != null) {
                        gate.fail(channel, error instanceof TimeoutException
                                ? key + " was not produced on this TaskManager within " + settings.requestTimeout()
                                : error.toString());
                    } else if (!gate.isClosed()) {
                        // a gate of a reset job must not take the subpartition from the next attempt's consumer
                        gate.onCreditReturned(channel, subpartition::addCredit);
                        subpartition.attach(view, settings.credits());
                    }
                });
    }

    private void readRemotely(InputGate gate, int channel, SubpartitionKey key, TaskPeer producer) {
        String producerName = "producer subtask " + producer.subtaskIndex() + " on TaskManager "
                + producer.location().resourceId() + " (" + producer.location().dataAddress() + ")";
        CompletableFuture<Void> authenticated = new CompletableFuture<>();
        ChannelFuture connected = new Bootstrap().group(eventLoops).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel socket) {
                        pipeline.initClient(socket.pipeline(), authenticated,
                                new RemoteChannelHandler(gate, channel, producerName));
                    }
                })
                .connect(producer.location().dataHost(), producer.location().dataPort());
        Channel connection = connected.channel();
        List<Channel> jobConnections = connections.computeIfAbsent(key.jobId(),
                ignored -> new CopyOnWriteArrayList<>());
        jobConnections.add(connection);
        connection.closeFuture().addListener(closed -> jobConnections.remove(connection));
        gate.onCreditReturned(channel, credits -> connection.writeAndFlush(new DataMessage.AddCredit(credits)));
        connected.addListener(done -> {
            if (!done.isSuccess()) {
                gate.fail(channel, "cannot connect to " + producerName + ": " + done.cause().getMessage());
            }
        });
        authenticated.whenComplete((ignored, error) -> {
            if (error != null) {
                gate.fail(channel, error.getMessage());
            } else {
                connection.writeAndFlush(new DataMessage.PartitionRequest(key, settings.credits()));
            }
        });
    }

    @Override
    public PartitionWriter openOutput(TaskDeploymentDescriptor task, TaskOutput output) {
        List<TaskPeer> consumers = new ArrayList<>(output.consumers());
        consumers.sort(Comparator.comparingInt(TaskPeer::subtaskIndex));
        if (consumers.isEmpty()) {
            throw new IllegalArgumentException(task.subtaskName() + " has an output to " + output.targetVertex()
                    + " without consumers");
        }
        int ownChannel = task.subtaskIndex();
        if (output.partitioning() == Partitioning.FORWARD) {
            ownChannel = consumers.stream().map(TaskPeer::subtaskIndex).toList().indexOf(task.subtaskIndex());
            if (ownChannel < 0) {
                throw new IllegalArgumentException(task.subtaskName() + " has a FORWARD output without consumer "
                        + "subtask " + task.subtaskIndex());
            }
        }
        TaskLoadMeter meter = loads.of(task.attemptId(), task.jobId());
        List<Subpartition> subpartitions = new ArrayList<>(consumers.size());
        for (TaskPeer consumer : consumers) {
            SubpartitionKey key = new SubpartitionKey(task.jobId(), task.vertexId(), task.subtaskIndex(),
                    output.targetVertex(), consumer.subtaskIndex());
            subpartitions.add(new Subpartition(key, allocator, settings.bufferBytes(), settings.queuedBuffers(),
                    meter.backPressure(), () -> subpartitionEnded(task.jobId(), key)));
        }
        ResultPartition partition = new ResultPartition(subpartitions, ChannelSelector.of(output.partitioning(),
                ownChannel, consumers.size()));
        partitions.computeIfAbsent(task.jobId(), ignored -> new CopyOnWriteArrayList<>()).add(partition);
        subpartitions.forEach(registry::register);
        return partition;
    }

    /** Forgets what a producer sent completely, so finished jobs hold nothing here. */
    private void subpartitionEnded(JobID jobId, SubpartitionKey key) {
        registry.unregister(key);
        List<ResultPartition> jobPartitions = partitions.get(jobId);
        if (jobPartitions != null) {
            jobPartitions.removeIf(ResultPartition::ended);
        }
    }

    @Override
    public Optional<TaskLoad> sampleLoad(ExecutionAttemptID attemptId) {
        return loads.sample(attemptId);
    }

    @Override
    public void resetJob(JobID jobId) {
        List<ResultPartition> produced = partitions.remove(jobId);
        if (produced != null) {
            produced.forEach(ResultPartition::release);
        }
        registry.resetJob(jobId);
        List<Channel> opened = connections.remove(jobId);
        if (opened != null) {
            opened.forEach(Channel::close);
        }
        List<InputGate> consumed = gates.remove(jobId);
        if (consumed != null) {
            consumed.forEach(InputGate::close);
        }
        loads.resetJob(jobId);
    }

    /** Buffers held by this TaskManager's producers and consumers: what flow control keeps bounded. */
    public int heldBuffers() {
        int held = 0;
        for (List<ResultPartition> jobPartitions : partitions.values()) {
            for (ResultPartition partition : jobPartitions) {
                for (Subpartition subpartition : partition.subpartitions()) {
                    held += subpartition.heldBuffers();
                }
            }
        }
        for (List<InputGate> jobGates : gates.values()) {
            for (InputGate gate : jobGates) {
                held += gate.heldBuffers();
            }
        }
        return held;
    }

    /** Partitions, input gates and connections still open for any job; finished subtasks leave none behind. */
    int openEdges() {
        int open = 0;
        for (List<ResultPartition> jobPartitions : partitions.values()) {
            open += jobPartitions.size();
        }
        for (List<InputGate> jobGates : gates.values()) {
            open += jobGates.size();
        }
        for (List<Channel> jobConnections : connections.values()) {
            open += jobConnections.size();
        }
        return open;
    }

    private void flushAll() {
        partitions.values().forEach(jobPartitions -> jobPartitions.forEach(ResultPartition::flush));
    }

    /** Releases every job's buffers and connections and stops listening. */
    @Override
    public void close() {
        List.copyOf(partitions.keySet()).forEach(this::resetJob);
        List.copyOf(gates.keySet()).forEach(this::resetJob);
        serverChannel.close().awaitUninterruptibly();
        eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
