package io.podflow.jobmanager.rest.handler;

import io.podflow.jobmanager.rest.RestException;
import io.podflow.protocol.job.JobID;

/** Reads the {@code {jobid}} path parameter; a malformed id is a 400 before any gateway is asked. */
final class JobIdParameter {

    static final String JOB_ID = "jobid";

    private JobIdParameter() {
    }

    static JobID parse(String text) {
        try {
            return JobID.fromHexString(text);
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest(e.getMessage());
        }
    }
}
