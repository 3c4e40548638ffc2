package io.podflow.rpc;

import org.apache.pekko.actor.Cancellable;

/** A task scheduled on an endpoint's main thread; cancelling it on the main thread guarantees it will not run. */
public final class ScheduledRun {

    private volatile boolean cancelled;
    private volatile Cancellable timer;

    ScheduledRun() {
    }

    void attach(Cancellable scheduled) {
        this.timer = scheduled;
    }

    Runnable guard(Runnable task) {
        return () -> {
            if (!cancelled) {
                task.run();
            }
        };
    }

    /** Stops the task from running if it has not run yet. */
    public void cancel() {
        cancelled = true;
        Cancellable scheduled = timer;
        if (scheduled != null) {
            scheduled.cancel();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
