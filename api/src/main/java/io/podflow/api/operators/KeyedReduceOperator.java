package io.podflow.api.operators;

import io.podflow.api.functions.KeySelector;
import io.podflow.api.functions.ReduceFunction;
import io.podflow.api.runtime.StreamRecord;

import java.util.HashMap;
import java.util.Map;

/** A rolling reduce per key: emits the key's updated result for every record. */
public final class KeyedReduceOperator extends UserFunctionOperator<ReduceFunction<Object>> {

    private final KeySelector<Object, Object> keySelector;
    private transient Map<Object, Object> reducedByKey;

    public KeyedReduceOperator(KeySelector<Object, Object> keySelector, ReduceFunction<Object> function) {
        super(function);
        this.keySelector = keySelector;
    }

    @Override
    public void open() throws Exception {
        super.open();
        reducedByKey = new HashMap<>();
    }

    @Override
    public void processElement(StreamRecord record) throws Exception {
        Object key = keySelector.getKey(record.value());
        Object previous = reducedByKey.get(key);
        Object reduced = previous == null ? record.value() : function.reduce(previous, record.value());
        reducedByKey.put(key, reduced);
        output().collect(record.replace(reduced));
    }
}
