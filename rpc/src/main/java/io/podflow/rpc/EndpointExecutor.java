package io.podflow.rpc;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where endpoint mailboxes run. A mailbox scheduled by one of the service's netty I/O threads (a call that just
 * arrived) runs on that same thread once it has finished the current read, so the call, its reply and the flush
 * that sends it need no hand-off to another thread. A mailbox scheduled from anywhere else (timers, I/O pools,
 * task threads, tests) runs on a small pool. Either way Pekko runs one mailbox on one thread at a time, so the
 * actor stays the endpoint's single main thread; endpoint code must not block, as it may hold up socket I/O.
 */
final class EndpointExecutor extends AbstractExecutorService {

    private static final AtomicInteger POOL_COUNTER = new AtomicInteger();

    private final EventExecutor[] ioThreads;
    private final ForkJoinPool pool;

    EndpointExecutor(EventLoopGroup eventLoops) {
        List<EventExecutor> loops = new ArrayList<>();
        eventLoops.forEach(loops::add);
        this.ioThreads = loops.toArray(EventExecutor[]::new);
        int poolNumber = POOL_COUNTER.incrementAndGet();
        AtomicInteger threadCounter = new AtomicInteger();
        this.pool = new ForkJoinPool(Math.max(2, Runtime.getRuntime().availableProcessors()), forkJoinPool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(forkJoinPool);
            thread.setName("podflow-endpoint-" + poolNumber + "-" + threadCounter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, null, true);
    }

    @Override
    public void execute(Runnable mailbox) {
        EventExecutor current = currentIoThread();
        if (current != null) {
            try {
                current.execute(mailbox);
                return;
            } catch (RejectedExecutionException shuttingDown) {
                // the I/O thread no longer takes tasks: the service is closing, the pool still runs the endpoint
            }
        }
        pool.execute(mailbox);
    }

    private EventExecutor currentIoThread() {
        for (EventExecutor ioThread : ioThreads) {
            if (ioThread.inEventLoop()) {
                return ioThread;
            }
        }
        return null;
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return pool.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return pool.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.awaitTermination(timeout, unit);
    }
}
