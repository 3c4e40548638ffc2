package io.podflow.jobmanager.jobmaster.slots;

import io.podflow.protocol.AllocationID;
import io.podflow.protocol.TaskManagerLocation;

/** A slot a TaskManager offered to the job and the JobMaster accepted. */
public record PooledSlot(AllocationID allocationId, int slotIndex, TaskManagerLocation taskManager) {
}
