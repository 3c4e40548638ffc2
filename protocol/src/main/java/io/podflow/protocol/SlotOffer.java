package io.podflow.protocol;

/** A TaskManager's offer of one of its slots, already allocated to the JobMaster's job by the ResourceManager. */
public record SlotOffer(AllocationID allocationId, int slotIndex) {

    public SlotOffer {
        if (allocationId == null) {
            throw new IllegalArgumentException("A slot offer needs an allocation id");
        }
    }
}
