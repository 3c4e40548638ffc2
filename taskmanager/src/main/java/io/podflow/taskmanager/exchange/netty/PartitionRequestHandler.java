package io.podflow.taskmanager.exchange.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.podflow.taskmanager.exchange.netty.DataMessage.AddCredit;
import io.podflow.taskmanager.exchange.netty.DataMessage.BufferMessage;
import io.podflow.taskmanager.exchange.netty.DataMessage.EndOfPartition;
import io.podflow.taskmanager.exchange.netty.DataMessage.ErrorResponse;
import io.podflow.taskmanager.exchange.netty.DataMessage.PartitionRequest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Producer side of one data connection: serves the one subpartition the consumer requests, waiting up to the
 * request timeout for its producer to be deployed, and passes the consumer's credits to it. Writes always go
 * through the event loop's task queue, so buffers leave in the order the subpartition sent them.
 */
final class PartitionRequestHandler extends ChannelInboundHandlerAdapter implements SubpartitionView {

    private final PartitionRegistry registry;
    private final Duration requestTimeout;
    private ChannelHandlerContext context;
    private volatile Subpartition serving;

    PartitionRequestHandler(PartitionRegistry registry, Duration requestTimeout) {
        this.registry = registry;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            if (message instanceof PartitionRequest request) {
                serve(request);
            } else if (message instanceof AddCredit credit && serving != null) {
                serving.addCredit(credit.credits());
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void serve(PartitionRequest request) {
        if (serving != null) {
            fail("a connection serves one subpartition; " + request.key() + " was requested on a busy one");
            return;
        }
        registry.request(request.key()).orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((subpartition, error) -> {
                    if (error != null) {
                        fail(error instanceof TimeoutException
                                ? request.key() + " was not produced on this TaskManager within " + requestTimeout
                                : error.toString());
                    } else if (context.channel().isActive()) {
                        serving = subpartition;
                        subpartition.attach(this, request.credits());
                    }
                });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Subpartition subpartition = serving;
        if (subpartition != null) {
            subpartition.detach(this);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void send(ByteBuf records) {
        BufferMessage message = new BufferMessage(records);
        context.executor().execute(() -> context.writeAndFlush(message));
    }

    @Override
    public void sendEnd() {
        context.executor().execute(() -> context.writeAndFlush(new EndOfPartition()));
    }

    @Override
    public void fail(String reason) {
        context.executor().execute(() -> context.writeAndFlush(new ErrorResponse(reason))
                .addListener(ChannelFutureListener.CLOSE));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
