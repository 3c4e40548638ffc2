package io.podflow.jobmanager.jobmaster.graph;

import io.podflow.protocol.job.JobStatus;

/** What an {@link ExecutionGraph} tells its owner: status changes, and attempts it must cancel on their TaskManager. */
public interface ExecutionGraphListener {

    void jobStatusChanged(JobStatus previous, JobStatus current);

    /** The attempt is now CANCELING; its TaskManager must be asked to stop it. */
    void cancelRequested(Execution execution);
}
