package io.podflow.taskmanager;

import io.podflow.protocol.JobMasterGateway;
import io.podflow.protocol.JobMasterId;

import java.util.concurrent.CompletableFuture;

/** The JobMaster a job's slots are offered to, and the (possibly still opening) connection to it. */
record JobMasterConnection(String address, JobMasterId jobMasterId, CompletableFuture<JobMasterGateway> gateway) {

    boolean isFor(String otherAddress, JobMasterId otherId) {
        return address.equals(otherAddress) && jobMasterId.equals(otherId);
    }
}
