package io.podflow.api.connectors;

import io.podflow.api.functions.SourceFunction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Emits the elements of a collection given in the program, in order; not parallel. */
public final class CollectionSource<T> implements SourceFunction<T> {

    private final ArrayList<T> elements;
    private volatile boolean running = true;

    public CollectionSource(Collection<T> elements) {
        this.elements = new ArrayList<>(elements);
    }

    public List<T> elements() {
        return elements;
    }

    @Override
    public void run(SourceContext<T> context) throws InterruptedException {
        for (T element : elements) {
            if (!running) {
                return;
            }
            context.collect(element);
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}
