package io.podflow.taskmanager.exchange.netty;

import io.netty.buffer.ByteBuf;

/** Hands a subpartition's buffers straight to an input gate in the same TaskManager, without the network. */
final class LocalChannelView implements SubpartitionView {

    private final InputGate gate;
    private final int channel;

    LocalChannelView(InputGate gate, int channel) {
        this.gate = gate;
        this.channel = channel;
    }

    @Override
    public void send(ByteBuf records) {
        gate.receive(channel, records);
    }

    @Override
    public void sendEnd() {
        gate.receiveEnd(channel);
    }

    @Override
    public void fail(String reason) {
        gate.fail(channel, reason);
    }
}
