package io.podflow.api.runtime;

import io.podflow.api.graph.ChainSpec;
import io.podflow.api.graph.ChainedOperator;
import io.podflow.api.operators.StreamOperator;

import java.util.ArrayList;
import java.util.List;

/** The operators of one task wired to each other and to the network outputs, driven from the head. */
public final class OperatorChain {

    private static final Output DISCARD = new FanOutOutput(List.of());

    private final List<StreamOperator> operators = new ArrayList<>();
    private long headWatermark = Long.MIN_VALUE;
    private int firstOpened;

    public OperatorChain(ChainSpec spec, OperatorContext context, List<Output> networkOutputs) {
        int count = spec.operators().size();
        StreamOperator[] wired = new StreamOperator[count];
        for (int i = count - 1; i >= 0; i--) {
            ChainedOperator chained = spec.operators().get(i);
            List<Output> targets = new ArrayList<>();
            for (int target : chained.chainedTargets()) {
                if (target <= i || target >= count) {
                    throw new IllegalArgumentException("Operator " + i + " of the chain feeds position " + target
                            + "; an operator may only feed operators after it");
                }
                targets.add(new ChainedOutput(wired[target]));
            }
            chained.networkOutputs().forEach(index -> targets.add(networkOutputs.get(index)));
            Output output = switch (targets.size()) {
                case 0 -> DISCARD;
                case 1 -> targets.get(0);
                default -> new FanOutOutput(targets);
            };
            chained.operator().setup(context, output);
            wired[i] = chained.operator();
        }
        operators.addAll(List.of(wired));
        firstOpened = count;
    }

    public StreamOperator head() {
        return operators.get(0);
    }

    /** Opens the operators tail first, so an operator that emits while opening finds its successors ready. */
    public void open() throws Exception {
        for (int i = operators.size() - 1; i >= 0; i--) {
            operators.get(i).open();
            firstOpened = i;
        }
    }

    public void processElement(StreamRecord record) throws Exception {
        head().processElement(record);
    }

    public void processWatermark(long watermark) throws Exception {
        headWatermark = watermark;
        head().processWatermark(watermark);
    }

    /** Event time jumps to the end (firing every event-time window and timer), then each operator finishes. */
    public void endOfInput() throws Exception {
        if (headWatermark != Long.MAX_VALUE) {
            processWatermark(Long.MAX_VALUE);
        }
        for (StreamOperator operator : operators) {
            operator.finish();
        }
    }

    /** Closes every opened operator, even when one fails; the first failure is rethrown, the rest suppressed. */
    public void close() throws Exception {
        Exception failure = null;
        for (StreamOperator operator : operators.subList(firstOpened, operators.size())) {
            try {
                operator.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
