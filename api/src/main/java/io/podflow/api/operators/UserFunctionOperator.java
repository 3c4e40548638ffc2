package io.podflow.api.operators;

import io.podflow.api.functions.Function;
import io.podflow.api.functions.KeyedProcessFunction;
import io.podflow.api.functions.RichFunction;

/** An operator around one user function, opening and closing it if it is a {@link RichFunction}. */
abstract class UserFunctionOperator<F extends Function> extends StreamOperator {

    protected final F function;
    private transient KeyedStateStore keyedState;

    UserFunctionOperator(F function) {
        if (function == null) {
            throw new IllegalArgumentException("The user function must not be null");
        }
        this.function = function;
    }

    /** The keyed state of this operator, for operators on a keyed stream; null otherwise. */
    protected KeyedStateStore keyedState() {
        return keyedState;
    }

    protected boolean isKeyed() {
        return false;
    }

    @Override
    public void open() throws Exception {
        keyedState = isKeyed() ? new KeyedStateStore() : null;
        FunctionRuntimeContext runtimeContext = new FunctionRuntimeContext(context(), keyedState);
        if (function instanceof KeyedProcessFunction<?, ?, ?> processFunction) {
            processFunction.setRuntimeContext(runtimeContext);
        }
        if (function instanceof RichFunction rich) {
            rich.open(runtimeContext);
        }
    }

    @Override
    public void close() throws Exception {
        if (function instanceof RichFunction rich) {
            rich.close();
        }
    }
}
