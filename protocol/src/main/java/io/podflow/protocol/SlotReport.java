package io.podflow.protocol;

import java.util.List;

/** The state of every slot of one TaskManager, sent when it registers and with each heartbeat. */
public record SlotReport(List<SlotStatus> slots) {

    public SlotReport {
        slots = slots == null ? List.of() : List.copyOf(slots);
    }

    public long freeSlots() {
        return slots.stream().filter(SlotStatus::isFree).count();
    }
}
