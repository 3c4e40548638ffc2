package io.podflow.api.operators;

import io.podflow.api.functions.FlatMapFunction;
import io.podflow.api.runtime.StreamRecord;

/** Applies a {@link FlatMapFunction}; emitted records carry the input record's timestamp. */
public final class FlatMapOperator extends UserFunctionOperator<FlatMapFunction<Object, Object>> {

    private transient TimestampedCollector collector;

    public FlatMapOperator(FlatMapFunction<Object, Object> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector(output());
    }

    @Override
    public void processElement(StreamRecord record) throws Exception {
        collector.setTimestamp(record.timestamp());
        function.flatMap(record.value(), collector);
    }
}
