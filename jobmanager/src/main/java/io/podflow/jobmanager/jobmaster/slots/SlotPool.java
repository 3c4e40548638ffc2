package io.podflow.jobmanager.jobmaster.slots;

import io.podflow.protocol.AllocationID;
import io.podflow.protocol.ResourceID;
import io.podflow.protocol.SlotOffer;
import io.podflow.protocol.TaskManagerLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The slots a job holds. With slot sharing one slot hosts one subtask of every vertex, so the job needs as many
 * slots as its largest parallelism, and subtask {@code i} of every vertex goes to the {@code i}-th slot held.
 * Not thread-safe: the JobMaster touches it on its main thread only.
 */
public final class SlotPool {

    private final Map<AllocationID, PooledSlot> slots = new LinkedHashMap<>();
    private int required;

    /** How many slots the job needs; offers beyond that are declined. */
    public void require(int slotCount) {
        this.required = slotCount;
    }

    public int required() {
        return required;
    }

    public int size() {
        return slots.size();
    }

    /** True once the pool holds every slot the job needs. */
    public boolean isComplete() {
        return required > 0 && slots.size() >= required;
    }

    /**
     * Takes the offers the job still needs and returns them; an offer already held is accepted again (a retried
     * offer), an offer beyond the need is declined.
     */
    public List<SlotOffer> offer(TaskManagerLocation taskManager, List<SlotOffer> offers) {
        List<SlotOffer> accepted = new ArrayList<>();
        for (SlotOffer offer : offers) {
            PooledSlot held = slots.get(offer.allocationId());
            if (held != null && held.taskManager().resourceId().equals(taskManager.resourceId())) {
                accepted.add(offer);
            } else if (held == null && slots.size() < required) {
                slots.put(offer.allocationId(), new PooledSlot(offer.allocationId(), offer.slotIndex(), taskManager));
                accepted.add(offer);
            }
        }
        return accepted;
    }

    /** The slot that hosts subtask {@code subtaskIndex} of every vertex. */
    public PooledSlot slotForSubtask(int subtaskIndex) {
        if (subtaskIndex < 0 || subtaskIndex >= slots.size()) {
            throw new IllegalStateException("Subtask " + subtaskIndex + " has no slot: the pool holds " + slots.size()
                    + " of " + required);
        }
        return List.copyOf(slots.values()).get(subtaskIndex);
    }

    public Optional<PooledSlot> slot(AllocationID allocationId) {
        return Optional.ofNullable(slots.get(allocationId));
    }

    /** Every TaskManager that holds at least one of the job's slots. */
    public Set<TaskManagerLocation> taskManagers() {
        Set<TaskManagerLocation> taskManagers = new LinkedHashSet<>();
        slots.values().forEach(slot -> taskManagers.add(slot.taskManager()));
        return taskManagers;
    }

    /** Forgets every slot of a TaskManager (it is gone) and returns them. */
    public List<PooledSlot> removeTaskManager(ResourceID taskManager) {
        List<PooledSlot> removed = slots.values().stream()
                .filter(slot -> slot.taskManager().resourceId().equals(taskManager)).toList();
        removed.forEach(slot -> slots.remove(slot.allocationId()));
        return removed;
    }

    /** Forgets every slot, e.g. when the job ends, and returns them so they can be freed on their TaskManagers. */
    public List<PooledSlot> removeAll() {
        List<PooledSlot> removed = List.copyOf(slots.values());
        slots.clear();
        return removed;
    }
}
