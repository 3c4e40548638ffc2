package io.podflow.taskmanager.slot;

import io.podflow.protocol.AllocationID;
import io.podflow.protocol.JobMasterId;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.SlotID;
import io.podflow.protocol.SlotReport;
import io.podflow.protocol.SlotStatus;
import io.podflow.protocol.job.JobID;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A TaskManager's slots: which are free and which are allocated to which job. Main thread only. */
public final class SlotTable {

    /** A slot allocated to a job, and the JobMaster it is offered to. */
    public record AllocatedSlot(int index, JobID jobId, AllocationID allocationId, String jobMasterAddress,
            JobMasterId jobMasterId) {
    }

    private final ResourceID owner;
    private final AllocatedSlot[] slots;

    public SlotTable(ResourceID owner, int numberOfSlots) {
        this.owner = owner;
        this.slots = new AllocatedSlot[numberOfSlots];
    }

    public int size() {
        return slots.length;
    }

    public int freeCount() {
        int free = 0;
        for (AllocatedSlot slot : slots) {
            free += slot == null ? 1 : 0;
        }
        return free;
    }

    /**
     * Allocates slot {@code index} to the job. Asking again for the same allocation is accepted; a slot held by
     * another allocation, or an index out of range, is refused with an exception saying why.
     */
    public AllocatedSlot allocate(int index, JobID jobId, AllocationID allocationId, String jobMasterAddress,
            JobMasterId jobMasterId) {
        if (index < 0 || index >= slots.length) {
            throw new IllegalArgumentException("TaskManager " + owner + " has no slot " + index + " (it has "
                    + slots.length + ")");
        }
        AllocatedSlot held = slots[index];
        if (held != null && !held.allocationId().equals(allocationId)) {
            throw new IllegalStateException("Slot " + new SlotID(owner, index) + " is already allocated to job "
                    + held.jobId() + " under allocation " + held.allocationId());
        }
        slots[index] = new AllocatedSlot(index, jobId, allocationId, jobMasterAddress, jobMasterId);
        return slots[index];
    }

    /** Frees the slot of this allocation; returns it if it was allocated. */
    public Optional<AllocatedSlot> free(AllocationID allocationId) {
        Optional<AllocatedSlot> slot = find(allocationId);
        slot.ifPresent(allocated -> slots[allocated.index()] = null);
        return slot;
    }

    public Optional<AllocatedSlot> find(AllocationID allocationId) {
        for (AllocatedSlot slot : slots) {
            if (slot != null && slot.allocationId().equals(allocationId)) {
                return Optional.of(slot);
            }
        }
        return Optional.empty();
    }

    public List<AllocatedSlot> slotsOf(JobID jobId) {
        List<AllocatedSlot> held = new ArrayList<>();
        for (AllocatedSlot slot : slots) {
            if (slot != null && slot.jobId().equals(jobId)) {
                held.add(slot);
            }
        }
        return held;
    }

    public SlotID slotId(int index) {
        return new SlotID(owner, index);
    }

    public SlotReport report() {
        List<SlotStatus> statuses = new ArrayList<>(slots.length);
        for (int index = 0; index < slots.length; index++) {
            AllocatedSlot slot = slots[index];
            statuses.add(slot == null ? SlotStatus.free(slotId(index))
                    : new SlotStatus(slotId(index), slot.allocationId(), slot.jobId()));
        }
        return new SlotReport(statuses);
    }
}
