package io.podflow.protocol;

/** What a TaskExecutor tells the ResourceManager about itself when it registers. */
public record TaskExecutorRegistration(TaskManagerLocation location, int numberOfSlots, SlotReport slotReport) {

    public TaskExecutorRegistration {
        if (location == null) {
            throw new IllegalArgumentException("A TaskExecutor registration needs the TaskManager's location");
        }
        if (numberOfSlots < 1) {
            throw new IllegalArgumentException("A TaskExecutor must offer at least one slot, not " + numberOfSlots);
        }
        slotReport = slotReport == null ? new SlotReport(null) : slotReport;
    }

    public ResourceID resourceId() {
        return location.resourceId();
    }
}
