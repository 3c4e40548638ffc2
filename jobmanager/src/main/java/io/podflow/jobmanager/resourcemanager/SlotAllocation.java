package io.podflow.jobmanager.resourcemanager;

import io.podflow.protocol.AllocationID;
import io.podflow.protocol.SlotID;
import io.podflow.protocol.job.JobID;

/** One slot given to one job under one allocation id. */
public record SlotAllocation(SlotID slotId, JobID jobId, AllocationID allocationId) {
}
