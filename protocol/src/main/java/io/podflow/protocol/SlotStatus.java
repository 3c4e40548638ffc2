package io.podflow.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.podflow.protocol.job.JobID;

/** What a TaskManager says about one of its slots: free (both ids null) or allocated to a job. */
public record SlotStatus(SlotID slotId, AllocationID allocationId, JobID jobId) {

    public SlotStatus {
        if (slotId == null) {
            throw new IllegalArgumentException("A slot status needs a slot id");
        }
        if ((allocationId == null) != (jobId == null)) {
            throw new IllegalArgumentException("Slot " + slotId + " must have both an allocation id and a job id, "
                    + "or neither");
        }
    }

    public static SlotStatus free(SlotID slotId) {
        return new SlotStatus(slotId, null, null);
    }

    @JsonIgnore
    public boolean isFree() {
        return allocationId == null;
    }
}
