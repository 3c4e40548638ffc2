package io.podflow.jobmanager.entrypoint;

import io.podflow.api.program.PackagedProgram;
import io.podflow.api.program.ProgramInvocationException;
import io.podflow.common.config.Configuration;
import io.podflow.common.config.ConfigurationLoader;
import io.podflow.common.config.CoreOptions;
import io.podflow.jobmanager.program.ApplicationProgram;
import io.podflow.jobmanager.program.ProgramRunner;
import io.podflow.protocol.job.JobID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;

/**
 * The part every application cluster shares: find the program in the image, run its {@code main()} on this
 * JobManager with each job attached, and say whether everything finished.
 */
final class ApplicationRun {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationRun.class);

    private ApplicationRun() {
    }

    /** Runs the program {@code config} describes to its end; true when its jobs all FINISHED. */
    static boolean runToEnd(JobManagerServices services, Configuration config) {
        PackagedProgram program;
        try {
            program = new ApplicationProgram(flinkHome()).find(config);
        } catch (ProgramInvocationException e) {
            LOG.error("The application cannot start: {}", e.getMessage());
            return false;
        }
        LOG.info("Running the application {} from {} with arguments {}", program.entryClass(), program.jar(),
                program.arguments());
        try {
            JobID firstJob = new ProgramRunner(services.dispatcher(), services.blobStore())
                    .runToEnd(program, config.get(CoreOptions.DEFAULT_PARALLELISM)).join();
            LOG.info("The application {} finished (first job {})", program.entryClass(), firstJob);
            return true;
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LOG.error("The application {} did not finish: {}", program.entryClass(), cause.getMessage(), cause);
            return false;
        }
    }

    private static Path flinkHome() {
        String home = System.getenv(ConfigurationLoader.ENV_HOME);
        return Path.of(home == null || home.isBlank() ? "." : home);
    }
}
