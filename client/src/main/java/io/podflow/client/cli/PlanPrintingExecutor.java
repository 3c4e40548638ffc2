package io.podflow.client.cli;

import io.podflow.api.environment.JobExecutionResult;
import io.podflow.api.environment.PipelineExecutor;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobGraphJson;

import java.io.PrintStream;

/** {@code flink info}: prints each job graph a program builds instead of running it. */
final class PlanPrintingExecutor implements PipelineExecutor {

    private final PrintStream out;

    PlanPrintingExecutor(PrintStream out) {
        this.out = out;
    }

    @Override
    public JobExecutionResult execute(JobGraph jobGraph) {
        out.println("----------------------- Job graph -----------------------");
        out.println(JobGraphJson.toJson(jobGraph));
        out.println("---------------------------------------------------------");
        return new JobExecutionResult(jobGraph.jobId(), jobGraph.name(), 0);
    }
}
