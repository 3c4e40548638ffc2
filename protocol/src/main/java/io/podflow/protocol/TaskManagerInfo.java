package io.podflow.protocol;

/** A registered TaskManager as REST's {@code /taskmanagers} shows it. */
public record TaskManagerInfo(ResourceID id, String address, int dataPort, int slotsTotal, int slotsFree,
        long lastHeartbeatEpochMillis) {
}
