package io.podflow.jobmanager.dispatcher;

import io.podflow.jobmanager.jobmaster.JobSnapshot;
import io.podflow.protocol.job.JobResult;

/** A job that has ended: how it looked at the end and how it ended. */
record FinishedJob(JobSnapshot snapshot, JobResult result) {
}
