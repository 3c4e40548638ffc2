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
        JobManagerServices services = JobManagerServices.startedOrExit(() -> {
            Configuration config = ConfigurationLoader.loadFromEnvironment(
                    ConfigurationLoader.parseDynamicProperties(Arrays.asList(args)));
            String advertisedHost = config.getOptional(RpcOptions.JOBMANAGER_ADDRESS).orElse("localhost");
            return JobManagerServices.start(config, advertisedHost, new StandaloneResourceManagerDriver());
        });
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
