package io.podflow.protocol;

/** One slot of one TaskManager: the TaskManager's resource id and the slot's index there, from 0. */
public record SlotID(ResourceID resourceId, int slotIndex) {

    public SlotID {
        if (resourceId == null) {
            throw new IllegalArgumentException("A slot id needs the TaskManager's resource id");
        }
        if (slotIndex < 0) {
            throw new IllegalArgumentException("Slot index " + slotIndex + " is negative");
        }
    }

    @Override
    public String toString() {
        return resourceId + "_" + slotIndex;
    }
}
