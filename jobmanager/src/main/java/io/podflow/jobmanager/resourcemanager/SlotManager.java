package io.podflow.jobmanager.resourcemanager;

import io.podflow.protocol.AllocationID;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.SlotID;
import io.podflow.protocol.SlotReport;
import io.podflow.protocol.SlotStatus;
import io.podflow.protocol.job.JobID;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The ResourceManager's book of slots: which TaskManagers are registered with how many slots, which slot is
 * allocated to which job, and how many slots each job has declared it needs. It decides which free slots go to
 * which job and how many workers the demand needs; it never talks to anyone, so every decision is a plain call.
 *
 * <p>An allocation starts <em>pending</em> (the TaskManager has not yet confirmed it) and becomes confirmed when
 * the TaskManager accepts it. Slot reports from TaskManagers correct confirmed state only, so a report sent
 * before the TaskManager saw a request cannot undo it.
 */
public final class SlotManager {

    private final int slotsPerWorker;
    private final Map<ResourceID, Map<Integer, Assignment>> taskManagers = new LinkedHashMap<>();
    private final Map<ResourceID, Integer> slotCounts = new LinkedHashMap<>();
    private final Map<JobID, Integer> declared = new LinkedHashMap<>();

    /** {@code slotsPerWorker} is what one requested worker will bring ({@code taskmanager.numberOfTaskSlots}). */
    public SlotManager(int slotsPerWorker) {
        if (slotsPerWorker < 1) {
            throw new IllegalArgumentException("A worker must bring at least one slot, not " + slotsPerWorker);
        }
        this.slotsPerWorker = slotsPerWorker;
    }

    private record Assignment(JobID jobId, AllocationID allocationId, boolean confirmed) {
    }

    /**
     * Adds a TaskManager, or replaces an earlier registration of the same one; the slot report says which of its
     * slots are already allocated (e.g. after the TaskManager reconnected). Returns the allocations the earlier
     * registration had that the report does not confirm: those slots are lost to their jobs.
     */
    public List<SlotAllocation> registerTaskManager(ResourceID id, int numberOfSlots, SlotReport report) {
        List<SlotAllocation> previous = taskManagers.containsKey(id) ? unregisterTaskManager(id) : List.of();
        taskManagers.put(id, new TreeMap<>());
        slotCounts.put(id, numberOfSlots);
        reportSlots(id, report);
        List<SlotAllocation> lost = new ArrayList<>();
        for (SlotAllocation allocation : previous) {
            Assignment now = taskManagers.get(id).get(allocation.slotId().slotIndex());
            if (now == null || !now.allocationId().equals(allocation.allocationId())) {
                lost.add(allocation);
            }
        }
        return lost;
    }

    /** Removes a TaskManager; returns the allocations that were on it. */
    public List<SlotAllocation> unregisterTaskManager(ResourceID id) {
        Map<Integer, Assignment> slots = taskManagers.remove(id);
        slotCounts.remove(id);
        if (slots == null) {
            return List.of();
        }
        List<SlotAllocation> lost = new ArrayList<>();
        slots.forEach((index, assignment) -> lost.add(allocation(id, index, assignment)));
        return lost;
    }

    public boolean isRegistered(ResourceID id) {
        return taskManagers.containsKey(id);
    }

    /** Sets how many slots the job needs in total; 0 drops its demand but keeps the slots it holds. */
    public void declareRequiredSlots(JobID jobId, int slotCount) {
        if (slotCount < 0) {
            throw new IllegalArgumentException("Job " + jobId + " cannot need " + slotCount + " slots");
        }
        if (slotCount == 0) {
            declared.remove(jobId);
        } else {
            declared.put(jobId, slotCount);
        }
    }

    /** The job is over: its demand is dropped and its slots are free again. Returns the slots it held. */
    public List<SlotAllocation> releaseJob(JobID jobId) {
        declared.remove(jobId);
        List<SlotAllocation> released = allocationsOf(jobId);
        released.forEach(allocation -> taskManagers.get(allocation.slotId().resourceId())
                .remove(allocation.slotId().slotIndex()));
        return released;
    }

    /**
     * Gives free slots to jobs whose declared demand exceeds what they hold, jobs in the order they first
     * declared, TaskManagers in registration order. The returned allocations are pending: carry each out, then
     * call {@link #confirmAllocation} or {@link #failAllocation}.
     */
    public List<SlotAllocation> matchDemand(Supplier<AllocationID> newAllocationId) {
        List<SlotAllocation> made = new ArrayList<>();
        for (Map.Entry<JobID, Integer> demand : declared.entrySet()) {
            int missing = demand.getValue() - countHeldBy(demand.getKey());
            while (missing > 0) {
                Optional<SlotID> free = firstFreeSlot();
                if (free.isEmpty()) {
                    return made;
                }
                SlotID slot = free.get();
                AllocationID allocationId = newAllocationId.get();
                taskManagers.get(slot.resourceId()).put(slot.slotIndex(),
                        new Assignment(demand.getKey(), allocationId, false));
                made.add(new SlotAllocation(slot, demand.getKey(), allocationId));
                missing--;
            }
        }
        return made;
    }

    /** The TaskManager accepted the allocation. */
    public void confirmAllocation(AllocationID allocationId) {
        findAllocation(allocationId).ifPresent(allocation -> taskManagers.get(allocation.slotId().resourceId())
                .put(allocation.slotId().slotIndex(), new Assignment(allocation.jobId(), allocationId, true)));
    }

    /** The TaskManager refused the allocation or could not be reached: the slot is free again. */
    public void failAllocation(AllocationID allocationId) {
        findAllocation(allocationId).ifPresent(this::clear);
    }

    /** A TaskManager says this slot is free again; ignored if the slot has moved on to another allocation. */
    public void slotFreed(SlotID slotId, AllocationID allocationId) {
        Map<Integer, Assignment> slots = taskManagers.get(slotId.resourceId());
        if (slots != null) {
            slots.computeIfPresent(slotId.slotIndex(),
                    (index, assignment) -> assignment.allocationId().equals(allocationId) ? null : assignment);
        }
    }

    /**
     * Corrects the book from a TaskManager's own account of its slots: what it holds allocated is allocated, and
     * a confirmed allocation it no longer holds is free. Pending allocations are left alone.
     */
    public void reportSlots(ResourceID id, SlotReport report) {
        Map<Integer, Assignment> slots = taskManagers.get(id);
        if (slots == null) {
            return;
        }
        for (SlotStatus status : report.slots()) {
            int index = status.slotId().slotIndex();
            if (!status.slotId().resourceId().equals(id) || index >= slotCounts.get(id)) {
                continue;
            }
            Assignment known = slots.get(index);
            if (status.isFree()) {
                if (known != null && known.confirmed()) {
                    slots.remove(index);
                }
            } else {
                slots.put(index, new Assignment(status.jobId(), status.allocationId(), true));
            }
        }
    }

    /** Slots declared but neither held nor coverable by a free slot. */
    public int unmetDemand() {
        int missing = 0;
        for (Map.Entry<JobID, Integer> demand : declared.entrySet()) {
            missing += Math.max(0, demand.getValue() - countHeldBy(demand.getKey()));
        }
        return Math.max(0, missing - freeSlotCount());
    }

    /** Jobs that hold fewer slots than they declared, in the order they first declared. */
    public Set<JobID> jobsShortOfSlots() {
        Set<JobID> jobs = new LinkedHashSet<>();
        declared.forEach((jobId, slotCount) -> {
            if (countHeldBy(jobId) < slotCount) {
                jobs.add(jobId);
            }
        });
        return jobs;
    }

    /**
     * How many workers the declared demand needs in total: every TaskManager holding a slot, plus enough new ones
     * (of {@code slotsPerWorker} slots) for the demand no free slot can cover. Registered TaskManagers holding
     * nothing are not counted; see {@link #idleTaskManagers()}.
     */
    public int workersWanted() {
        int busy = (int) taskManagers.values().stream().filter(slots -> !slots.isEmpty()).count();
        return busy + (unmetDemand() + slotsPerWorker - 1) / slotsPerWorker;
    }

    /** Registered TaskManagers none of whose slots is allocated, in registration order. */
    public Set<ResourceID> idleTaskManagers() {
        Set<ResourceID> idle = new LinkedHashSet<>();
        taskManagers.forEach((id, slots) -> {
            if (slots.isEmpty()) {
                idle.add(id);
            }
        });
        return idle;
    }

    public int freeSlotCount() {
        int free = 0;
        for (ResourceID id : taskManagers.keySet()) {
            free += freeSlotCount(id);
        }
        return free;
    }

    /** Free slots of one TaskManager; 0 if it is not registered. */
    public int freeSlotCount(ResourceID id) {
        Map<Integer, Assignment> slots = taskManagers.get(id);
        return slots == null ? 0 : slotCounts.get(id) - slots.size();
    }

    public int totalSlotCount() {
        return slotCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Every slot the job holds, pending or confirmed. */
    public List<SlotAllocation> allocationsOf(JobID jobId) {
        List<SlotAllocation> held = new ArrayList<>();
        taskManagers.forEach((id, slots) -> slots.forEach((index, assignment) -> {
            if (assignment.jobId().equals(jobId)) {
                held.add(allocation(id, index, assignment));
            }
        }));
        return held;
    }

    private int countHeldBy(JobID jobId) {
        return allocationsOf(jobId).size();
    }

    private Optional<SlotID> firstFreeSlot() {
        for (Map.Entry<ResourceID, Map<Integer, Assignment>> taskManager : taskManagers.entrySet()) {
            int slots = slotCounts.get(taskManager.getKey());
            for (int index = 0; index < slots; index++) {
                if (!taskManager.getValue().containsKey(index)) {
                    return Optional.of(new SlotID(taskManager.getKey(), index));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<SlotAllocation> findAllocation(AllocationID allocationId) {
        for (Map.Entry<ResourceID, Map<Integer, Assignment>> taskManager : taskManagers.entrySet()) {
            for (Map.Entry<Integer, Assignment> slot : taskManager.getValue().entrySet()) {
                if (slot.getValue().allocationId().equals(allocationId)) {
                    return Optional.of(allocation(taskManager.getKey(), slot.getKey(), slot.getValue()));
                }
            }
        }
        return Optional.empty();
    }

    private void clear(SlotAllocation allocation) {
        taskManagers.get(allocation.slotId().resourceId()).remove(allocation.slotId().slotIndex());
    }

    private static SlotAllocation allocation(ResourceID id, int index, Assignment assignment) {
        return new SlotAllocation(new SlotID(id, index), assignment.jobId(), assignment.allocationId());
    }
}
