package io.podflow.api.operators;

import io.podflow.api.functions.MapFunction;
import io.podflow.api.runtime.StreamRecord;

/** Applies a {@link MapFunction} to each record, keeping its timestamp. */
public final class MapOperator extends UserFunctionOperator<MapFunction<Object, Object>> {

    public MapOperator(MapFunction<Object, Object> function) {
        super(function);
    }

    @Override
    public void processElement(StreamRecord record) throws Exception {
        output().collect(record.replace(function.map(record.value())));
    }
}
