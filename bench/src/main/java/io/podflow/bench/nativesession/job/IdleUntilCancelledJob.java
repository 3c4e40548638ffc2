package io.podflow.bench.nativesession.job;

import io.podflow.api.environment.StreamExecutionEnvironment;
import io.podflow.api.functions.SinkFunction;
import io.podflow.api.functions.SourceFunction;
import java.util.concurrent.locks.LockSupport;

/**
 * The native-session benchmark's job: a source at the job's parallelism ({@code flink run -p}) that emits nothing
 * and waits until it is cancelled, into a sink that drops records, so all that is measured is getting its tasks
 * RUNNING.
 */
public final class IdleUntilCancelledJob {

    private IdleUntilCancelledJob() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.addSource(new IdleSource()).addSink(new DroppingSink());
        env.execute("idle until cancelled");
    }

    /** Emits nothing; returns once cancelled. */
    public static final class IdleSource implements SourceFunction<Long> {

        private static final long serialVersionUID = 1L;

        private volatile boolean running = true;
        private transient volatile Thread runner;

        @Override
        public void run(SourceContext<Long> context) {
            runner = Thread.currentThread();
            while (running) {
                LockSupport.park(this);
            }
        }

        @Override
        public void cancel() {
            running = false;
            Thread parked = runner;
            if (parked != null) {
                LockSupport.unpark(parked);
            }
        }
    }

    /** Drops every record. */
    public static final class DroppingSink implements SinkFunction<Long> {

        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Long value) {
        }
    }
}
