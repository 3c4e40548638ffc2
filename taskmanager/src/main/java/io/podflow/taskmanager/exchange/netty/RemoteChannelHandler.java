package io.podflow.taskmanager.exchange.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.podflow.taskmanager.exchange.netty.DataMessage.BufferMessage;
import io.podflow.taskmanager.exchange.netty.DataMessage.EndOfPartition;
import io.podflow.taskmanager.exchange.netty.DataMessage.ErrorResponse;

/**
 * Consumer side of one data connection: passes the producer's buffers, end and errors to one channel of an input
 * gate. The gate owns each buffer from then on. A connection lost before the end fails the channel.
 */
final class RemoteChannelHandler extends ChannelInboundHandlerAdapter {

    private final InputGate gate;
    private final int channel;
    private final String producer;
    private boolean ended;

    RemoteChannelHandler(InputGate gate, int channel, String producer) {
        this.gate = gate;
        this.channel = channel;
        this.producer = producer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof BufferMessage buffer) {
            gate.receive(channel, buffer.content());
            return;
        }
        try {
            if (message instanceof EndOfPartition) {
                ended = true;
                gate.receiveEnd(channel);
                ctx.close();
            } else if (message instanceof ErrorResponse error) {
                ended = true;
                gate.fail(channel, producer + " answered: " + error.message());
                ctx.close();
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!ended) {
            ended = true;
            gate.fail(channel, "the connection to " + producer + " closed before the producer's end");
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!ended) {
            ended = true;
            gate.fail(channel, "the connection to " + producer + " failed: " + cause);
        }
        ctx.close();
    }
}
