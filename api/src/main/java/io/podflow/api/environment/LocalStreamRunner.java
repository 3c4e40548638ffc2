package io.podflow.api.environment;

import io.podflow.protocol.job.JobEdge;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobVertex;
import io.podflow.protocol.job.Partitioning;
import io.podflow.protocol.task.Invokable;
import io.podflow.protocol.task.RecordReader;
import io.podflow.protocol.task.RecordWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a JobGraph inside this JVM: one thread per subtask, in-memory bounded channels between them, partitioned
 * like the TaskManagers' data plane. This is what a plain {@code main()} or a test gets; it is not a cluster (no
 * slots, no restarts): the first failing subtask cancels the others and fails the job.
 */
public final class LocalStreamRunner implements PipelineExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStreamRunner.class);

    @Override
    public JobExecutionResult execute(JobGraph jobGraph) throws Exception {
        long started = System.nanoTime();
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        Map<JobEdge, List<LocalChannel>> channels = new HashMap<>();
        for (JobEdge edge : jobGraph.edges()) {
            JobVertex source = jobGraph.vertex(edge.source()).orElseThrow();
            JobVertex target = jobGraph.vertex(edge.target()).orElseThrow();
            int producersPerChannel = edge.partitioning() == Partitioning.FORWARD ? 1 : source.parallelism();
            List<LocalChannel> perConsumer = new ArrayList<>();
            for (int i = 0; i < target.parallelism(); i++) {
                perConsumer.add(new LocalChannel(producersPerChannel));
            }
            channels.put(edge, perConsumer);
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (JobVertex vertex : jobGraph.vertices()) {
            for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
                threads.add(subtaskThread(jobGraph, vertex, subtask, channels, classLoader, failure, threads));
            }
        }
        LOG.info("Running job '{}' ({}) locally with {} subtasks", jobGraph.name(), jobGraph.jobId(), threads.size());
        threads.forEach(Thread::start);
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            throw e;
        }
        if (failure.get() != null) {
            throw new JobExecutionException("Job '" + jobGraph.name() + "' failed: " + failure.get(), failure.get());
        }
        return new JobExecutionResult(jobGraph.jobId(), jobGraph.name(), (System.nanoTime() - started) / 1_000_000);
    }

    private static Thread subtaskThread(JobGraph jobGraph, JobVertex vertex, int subtask,
            Map<JobEdge, List<LocalChannel>> channels, ClassLoader classLoader, AtomicReference<Throwable> failure,
            List<Thread> allThreads) {
        List<RecordReader> inputs = new ArrayList<>();
        for (JobEdge edge : jobGraph.inputsOf(vertex.id())) {
            inputs.add(channels.get(edge).get(subtask));
        }
        List<LocalRecordWriter> writers = new ArrayList<>();
        for (JobEdge edge : jobGraph.outputsOf(vertex.id())) {
            writers.add(new LocalRecordWriter(channels.get(edge), edge.partitioning(), subtask));
        }
        String name = vertex.name() + " (" + (subtask + 1) + "/" + vertex.parallelism() + ")";
        LocalTaskContext context = new LocalTaskContext(name, subtask, vertex.parallelism(), vertex.configuration(),
                inputs, List.<RecordWriter>copyOf(writers), classLoader);
        Thread thread = new Thread(() -> {
            try {
                Invokable invokable = instantiate(vertex, classLoader);
                invokable.invoke(context);
                for (LocalRecordWriter writer : writers) {
                    writer.finish();
                }
            } catch (InterruptedException e) {
                failure.compareAndSet(null, e);
            } catch (Throwable e) {
                if (failure.compareAndSet(null, e)) {
                    LOG.warn("{} failed; cancelling the job", name, e);
                    allThreads.forEach(Thread::interrupt);
                }
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }

    private static Invokable instantiate(JobVertex vertex, ClassLoader classLoader)
            throws ReflectiveOperationException {
        Class<?> type = Class.forName(vertex.invokableClassName(), true, classLoader);
        return (Invokable) type.getConstructor().newInstance();
    }
}
