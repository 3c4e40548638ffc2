package io.podflow.api.runtime;

import io.podflow.api.graph.ChainInput;
import io.podflow.api.graph.ChainOutput;
import io.podflow.api.graph.ChainSpec;
import io.podflow.api.operators.SourceOperator;
import io.podflow.protocol.task.Invokable;
import io.podflow.protocol.task.TaskContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The invokable of every vertex the DataStream API builds. It runs the vertex's operator chain on the task
 * thread; the inputs (or the source function) are read on feeder threads into a bounded mailbox, so records,
 * watermarks and processing-time timers are handled one at a time and a slow chain slows its inputs down.
 */
public final class StreamTask implements Invokable {

    private static final int MAILBOX_CAPACITY = 4096;
    private static final int DRAIN_BATCH = 512;

    @Override
    public void invoke(TaskContext context) throws Exception {
        ClassLoader userClassLoader = context.userCodeClassLoader();
        ChainSpec spec = ChainSpec.fromConfiguration(context.configuration(), userClassLoader);
        if (spec.inputs().size() != context.inputs().size() || spec.outputs().size() != context.outputs().size()) {
            throw new IllegalStateException("Task " + context.taskName() + " was deployed with "
                    + context.inputs().size() + " inputs and " + context.outputs().size() + " outputs, but its chain "
                    + "expects " + spec.inputs().size() + " and " + spec.outputs().size());
        }
        TaskTimers timers = new TaskTimers(System::currentTimeMillis);
        OperatorContext operatorContext = new OperatorContext(context.taskName(), context.subtaskIndex(),
                context.parallelism(), userClassLoader, timers);
        StreamElementCodec outputCodec = new StreamElementCodec(userClassLoader);
        List<Output> networkOutputs = new ArrayList<>();
        for (int i = 0; i < spec.outputs().size(); i++) {
            ChainOutput output = spec.outputs().get(i);
            EdgeWriter writer = new EdgeWriter(context.outputs().get(i), output.partitioning(),
                    output.consumerParallelism());
            networkOutputs.add(new NetworkOutput(writer, output, outputCodec, context.subtaskIndex()));
        }
        OperatorChain chain = new OperatorChain(spec, operatorContext, networkOutputs);
        BlockingQueue<Object> mailbox = new ArrayBlockingQueue<>(MAILBOX_CAPACITY);
        List<Thread> feeders = new ArrayList<>();
        SourceFeeder source = null;
        Thread thread = Thread.currentThread();
        ClassLoader previousLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(userClassLoader);
        Throwable failure = null;
        try {
            chain.open();
            if (chain.head() instanceof SourceOperator sourceOperator) {
                source = new SourceFeeder(sourceOperator.function(), mailbox, context.subtaskIndex(),
                        context.parallelism());
                feeders.add(start(source, context.taskName() + " source"));
            }
            int channelOffset = 0;
            for (int i = 0; i < context.inputs().size(); i++) {
                String name = context.taskName() + " input " + i;
                feeders.add(start(new InputFeeder(name, context.inputs().get(i),
                        new StreamElementCodec(userClassLoader), channelOffset, mailbox), name));
                channelOffset += spec.inputs().get(i).producerParallelism();
            }
            if (feeders.isEmpty()) {
                throw new IllegalStateException("Task " + context.taskName() + " has neither a source nor inputs");
            }
            runMailboxLoop(chain, mailbox, timers, feeders.size(), channels(spec));
            chain.endOfInput();
        } catch (Exception | Error e) {
            failure = e;
            throw e;
        } finally {
            if (source != null) {
                source.cancel();
            }
            feeders.forEach(Thread::interrupt);
            thread.setContextClassLoader(previousLoader);
            closeChain(chain, failure);
        }
    }

    /** Closes the chain; a close failure after another failure is attached to it rather than hiding it. */
    private static void closeChain(OperatorChain chain, Throwable earlierFailure) throws Exception {
        try {
            chain.close();
        } catch (Exception e) {
            if (earlierFailure == null) {
                throw e;
            }
            earlierFailure.addSuppressed(e);
        }
    }

    private static void runMailboxLoop(OperatorChain chain, BlockingQueue<Object> mailbox, TaskTimers timers,
            int openInputs, int channels) throws Exception {
        WatermarkValve valve = channels > 0 ? new WatermarkValve(channels) : null;
        List<Object> batch = new ArrayList<>(DRAIN_BATCH);
        while (openInputs > 0) {
            timers.fireDue();
            long wait = timers.millisUntilNext();
            Object first = wait < 0 ? mailbox.take() : mailbox.poll(wait, TimeUnit.MILLISECONDS);
            if (first == null) {
                continue;
            }
            // taking what else is waiting in one go keeps the queue's lock out of the per-record cost
            batch.add(first);
            mailbox.drainTo(batch, DRAIN_BATCH - 1);
            for (Object element : batch) {
                if (element instanceof StreamRecord record) {
                    chain.processElement(record);
                } else if (element instanceof ChannelWatermark watermark) {
                    long advanced = valve.advance(watermark.channel(), watermark.watermark());
                    if (advanced != Long.MIN_VALUE) {
                        chain.processWatermark(advanced);
                    }
                } else if (element == InputEnded.INSTANCE) {
                    openInputs--;
                } else if (element instanceof TaskFailure failure) {
                    throw new IllegalStateException("The " + failure.where() + " failed: " + failure.cause(),
                            failure.cause());
                }
            }
            batch.clear();
        }
    }

    private static int channels(ChainSpec spec) {
        return spec.inputs().stream().mapToInt(ChainInput::producerParallelism).sum();
    }

    private static Thread start(Runnable feeder, String name) {
        Thread thread = new Thread(feeder, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
