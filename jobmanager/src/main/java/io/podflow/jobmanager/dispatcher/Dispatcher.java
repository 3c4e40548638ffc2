package io.podflow.jobmanager.dispatcher;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.common.metrics.MetricGroup;
import io.podflow.common.metrics.MetricRegistry;
import io.podflow.common.metrics.PublishedGauge;
import io.podflow.jobmanager.JobMasterOptions;
import io.podflow.jobmanager.blob.BlobStore;
import io.podflow.jobmanager.jobmaster.JobMaster;
import io.podflow.jobmanager.jobmaster.JobMasterSettings;
import io.podflow.jobmanager.jobmaster.JobSnapshot;
import io.podflow.protocol.DispatcherGateway;
import io.podflow.protocol.blob.BlobKey;
import io.podflow.protocol.job.DuplicateJobException;
import io.podflow.protocol.job.InvalidJobGraphException;
import io.podflow.protocol.job.JobDetails;
import io.podflow.protocol.job.JobExceptionInfo;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobResult;
import io.podflow.protocol.job.JobVertexDetails;
import io.podflow.protocol.job.UnknownJobException;
import io.podflow.rpc.RpcEndpoint;
import io.podflow.rpc.RpcService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Takes submitted jobs and runs one {@link JobMaster} per job, keeps the jobs' jars on the BlobServer while they
 * run, and answers listings, details, exceptions and results for running jobs and a bounded history of finished
 * ones ({@code jobstore.max-capacity}).
 */
public final class Dispatcher extends RpcEndpoint implements DispatcherGateway {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Configuration config;
    private final String resourceManagerAddress;
    private final String blobServerAddress;
    private final BlobStore blobStore;
    private final Clock clock;
    private final Map<JobID, JobMaster> running = new LinkedHashMap<>();
    private final FinishedJobHistory history;
    /** Flink's JobManager metric: jobs submitted and not yet ended. */
    private final PublishedGauge runningJobs;

    /** A Dispatcher whose metrics no reporter sees. */
    public Dispatcher(RpcService rpcService, Configuration config, String resourceManagerAddress,
            String blobServerAddress, BlobStore blobStore, Clock clock) {
        this(rpcService, config, resourceManagerAddress, blobServerAddress, blobStore, clock,
                new MetricRegistry().group("jobmanager", Map.of()));
    }

    /**
     * @param blobServerAddress {@code host:port} TaskManagers fetch jars from
     * @param blobStore where submitted jobs' jars must already be; they are kept while the job runs
     * @param jobManagerMetrics the JobManager's metric group, where {@code numRunningJobs} is published
     */
    public Dispatcher(RpcService rpcService, Configuration config, String resourceManagerAddress,
            String blobServerAddress, BlobStore blobStore, Clock clock, MetricGroup jobManagerMetrics) {
        super(rpcService, ENDPOINT_NAME);
        this.config = config;
        this.resourceManagerAddress = resourceManagerAddress;
        this.blobServerAddress = blobServerAddress;
        this.blobStore = blobStore;
        this.clock = clock;
        this.history = new FinishedJobHistory(config.get(JobMasterOptions.JOBSTORE_MAX_CAPACITY));
        this.runningJobs = jobManagerMetrics.publishedGauge("numRunningJobs");
    }

    @Override
    public CompletableFuture<Void> submitJob(JobGraph jobGraph) {
        JobID jobId = jobGraph.jobId();
        if (running.containsKey(jobId) || history.contains(jobId)) {
            return CompletableFuture.failedFuture(new DuplicateJobException(jobId));
        }
        List<BlobKey> jars;
        JobMasterSettings settings;
        try {
            jars = jarsOf(jobGraph);
            settings = JobMasterSettings.forJob(config, jobGraph);
        } catch (IllegalArgumentException | IllegalConfigurationException e) {
            // one type for "this job cannot run as submitted", which REST answers with 400
            return CompletableFuture.failedFuture(e instanceof InvalidJobGraphException ? e
                    : new InvalidJobGraphException("Job " + jobId + " cannot run: " + e.getMessage()));
        }
        blobStore.retain(jobId, jars);
        JobMaster jobMaster = new JobMaster(getRpcService(), jobGraph, settings, resourceManagerAddress,
                blobServerAddress, clock);
        running.put(jobId, jobMaster);
        runningJobs.set(running.size());
        jobMaster.getResultFuture()
                .thenCompose(result -> jobMaster.requestSnapshot()
                        .thenApply(snapshot -> new FinishedJob(snapshot, result)))
                .thenAcceptAsync(this::archive, getMainThreadExecutor());
        jobMaster.start();
        LOG.info("Submitted job '{}' ({}) with {} vertices and {} jar(s)", jobGraph.name(), jobId,
                jobGraph.vertices().size(), jars.size());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<List<JobDetails>> listJobs() {
        List<CompletableFuture<JobDetails>> live = running.values().stream()
                .map(jobMaster -> jobMaster.requestSnapshot().thenApply(JobSnapshot::details)).toList();
        List<JobDetails> finished = history.newestFirst().stream().map(job -> job.snapshot().details()).toList();
        return CompletableFuture.allOf(live.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<JobDetails> all = new ArrayList<>(live.stream().map(CompletableFuture::join).toList());
            all.addAll(finished);
            return all;
        });
    }

    @Override
    public CompletableFuture<JobDetails> requestJobDetails(JobID jobId) {
        return snapshotOf(jobId, JobSnapshot::details);
    }

    @Override
    public CompletableFuture<List<JobVertexDetails>> requestJobVertices(JobID jobId) {
        return snapshotOf(jobId, JobSnapshot::vertices);
    }

    @Override
    public CompletableFuture<List<JobExceptionInfo>> requestJobExceptions(JobID jobId) {
        return snapshotOf(jobId, JobSnapshot::exceptions);
    }

    @Override
    public CompletableFuture<Void> cancelJob(JobID jobId) {
        JobMaster jobMaster = running.get(jobId);
        if (jobMaster != null) {
            LOG.info("Cancelling job {}", jobId);
            return jobMaster.cancel();
        }
        if (history.contains(jobId)) {
            // cancelling is idempotent: a job that already ended is as stopped as the caller wants it
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.failedFuture(new UnknownJobException(jobId));
    }

    @Override
    public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        JobMaster jobMaster = running.get(jobId);
        if (jobMaster != null) {
            return jobMaster.getResultFuture();
        }
        return history.get(jobId).map(job -> CompletableFuture.completedFuture(job.result()))
                .orElseGet(() -> CompletableFuture.failedFuture(new UnknownJobException(jobId)));
    }

    @Override
    protected CompletableFuture<Void> onStop() {
        List<CompletableFuture<Void>> stopped = running.values().stream().map(JobMaster::closeAsync).toList();
        running.keySet().forEach(blobStore::release);
        running.clear();
        runningJobs.set(0);
        return CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new));
    }

    private <T> CompletableFuture<T> snapshotOf(JobID jobId, Function<JobSnapshot, T> part) {
        JobMaster jobMaster = running.get(jobId);
        if (jobMaster != null) {
            return jobMaster.requestSnapshot().thenApply(part);
        }
        return history.get(jobId).map(job -> CompletableFuture.completedFuture(part.apply(job.snapshot())))
                .orElseGet(() -> CompletableFuture.failedFuture(new UnknownJobException(jobId)));
    }

    private void archive(FinishedJob job) {
        JobID jobId = job.result().jobId();
        JobMaster jobMaster = running.remove(jobId);
        runningJobs.set(running.size());
        history.add(job);
        blobStore.release(jobId);
        if (jobMaster != null) {
            jobMaster.closeAsync();
        }
    }

    private List<BlobKey> jarsOf(JobGraph jobGraph) {
        List<BlobKey> keys = new ArrayList<>();
        for (String key : jobGraph.jarBlobKeys()) {
            BlobKey blobKey = new BlobKey(key);
            if (blobStore.find(blobKey).isEmpty()) {
                throw new InvalidJobGraphException("Job " + jobGraph.jobId() + " needs jar blob " + key
                        + ", which is not on the BlobServer; upload the jar first");
            }
            keys.add(blobKey);
        }
        return keys;
    }
}
