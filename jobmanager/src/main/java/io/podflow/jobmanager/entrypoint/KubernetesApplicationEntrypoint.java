package io.podflow.jobmanager.entrypoint;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.podflow.common.config.Configuration;
import io.podflow.kubernetes.KubernetesConfigOptions;
import io.podflow.kubernetes.client.KubernetesApiException;
import io.podflow.kubernetes.client.KubernetesClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The JobManager of a native Kubernetes application cluster ({@code flink run-application -t
 * kubernetes-application}): a session JobManager that runs the program in its image and, once the program ended
 * (its jobs finished, failed or were cancelled), deletes its own Deployment so that the whole cluster goes.
 */
public final class KubernetesApplicationEntrypoint {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesApplicationEntrypoint.class);

    /** How long to wait for Kubernetes to stop this pod once the Deployment is deleted, before exiting anyway. */
    private static final Duration TERMINATION_WAIT = Duration.ofMinutes(2);

    private KubernetesApplicationEntrypoint() {
    }

    private record Started(Configuration config, JobManagerServices services, OwnDeployment deployment) {
    }

    public static void main(String[] args) throws InterruptedException {
        Started started = JobManagerServices.startedOrExit(() -> {
            Configuration config = KubernetesSessionEntrypoint.load(args);
            KubernetesClient client = KubernetesClientFactory.create(config);
            OwnDeployment deployment = new OwnDeployment(client, config.get(KubernetesConfigOptions.NAMESPACE),
                    config.get(KubernetesConfigOptions.CLUSTER_ID));
            return new Started(config, KubernetesSessionEntrypoint.start(config, client), deployment);
        });
        boolean finished = ApplicationRun.runToEnd(started.services(), started.config());
        System.exit(removeCluster(started.services(), started.deployment()) && finished ? 0 : 1);
    }

    /** Deletes the Deployment and waits until Kubernetes stops this pod (the shutdown hook closes the services). */
    private static boolean removeCluster(JobManagerServices services, OwnDeployment deployment)
            throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            services.close();
            closed.countDown();
        }, "jobmanager-shutdown"));
        try {
            deployment.delete();
        } catch (KubernetesApiException e) {
            LOG.error("The application ended but its cluster cannot remove itself: {}. Remove it with "
                    + "'kubectl delete deployment/{}'", e.getMessage(), deployment.name());
            return false;
        }
        LOG.info("The application ended; deleted Deployment {}, so Kubernetes removes the cluster",
                deployment.name());
        if (!closed.await(TERMINATION_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("Kubernetes did not stop this JobManager within {} s of deleting its Deployment; exiting",
                    TERMINATION_WAIT.toSeconds());
        }
        return true;
    }
}
