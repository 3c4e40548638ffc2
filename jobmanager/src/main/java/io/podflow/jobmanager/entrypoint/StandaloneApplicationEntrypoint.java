package io.podflow.jobmanager.entrypoint;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.ConfigurationLoader;
import io.podflow.jobmanager.resourcemanager.StandaloneResourceManagerDriver;
import io.podflow.rpc.RpcOptions;

import java.util.Arrays;

/**
 * {@code standalone-job.sh start-foreground} (the image's {@code standalone-job} mode): a job cluster's
 * JobManager. TaskManagers are started by someone else and find it by {@code jobmanager.rpc.address}; it runs the
 * program found in the image (see {@link io.podflow.jobmanager.program.ApplicationProgram}) and exits once the
 * program ended: 0 when its jobs finished, 1 otherwise.
 */
public final class StandaloneApplicationEntrypoint {

    private StandaloneApplicationEntrypoint() {
    }

    private record Started(Configuration config, JobManagerServices services) {
    }

    public static void main(String[] args) {
        Started started = JobManagerServices.startedOrExit(() -> {
            StandaloneJobArguments arguments = StandaloneJobArguments.parse(Arrays.asList(args));
            Configuration config = ConfigurationLoader.loadFromEnvironment(arguments.properties());
            arguments.applyTo(config);
            String advertisedHost = config.getOptional(RpcOptions.JOBMANAGER_ADDRESS).orElse("localhost");
            return new Started(config, JobManagerServices.start(config, advertisedHost,
                    new StandaloneResourceManagerDriver()));
        });
        boolean finished = ApplicationRun.runToEnd(started.services(), started.config());
        started.services().close();
        System.exit(finished ? 0 : 1);
    }
}
