package io.podflow.jobmanager.entrypoint;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.ConfigurationLoader;
import io.podflow.jobmanager.resourcemanager.StandaloneResourceManagerDriver;
import io.podflow.rpc.RpcOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/jobmanager.sh}: a session JobManager whose TaskManagers are started by someone else and find it by
 * {@code jobmanager.rpc.address}. Runs until the process is told to stop (SIGTERM), then closes every service.
 */
public final class StandaloneSessionEntrypoint {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneSessionEntrypoint.class);

    private StandaloneSessionEntrypoint() {
    }

    public static void main(String[] args) throws InterruptedException {
        JobManagerServices services;
        try {
            Configuration config = ConfigurationLoader.loadFromEnvironment(
                    ConfigurationLoader.parseDynamicProperties(Arrays.asList(args)));
            String advertisedHost = config.getOptional(RpcOptions.JOBMANAGER_ADDRESS).orElse("localhost");
            services = JobManagerServices.start(config, advertisedHost, new StandaloneResourceManagerDriver());
        } catch (RuntimeException e) {
            LOG.error("The JobManager cannot start: {}", e.getMessage(), e);
            System.err.println("The JobManager cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        awaitTermination(services);
    }

    static void awaitTermination(JobManagerServices services) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting the JobManager down");
            services.close();
            closed.countDown();
        }, "jobmanager-shutdown"));
        closed.await();
    }
}
