package io.podflow.jobmanager.rest.handler;

import io.podflow.protocol.TaskManagerInfo;

/**
 * A TaskManager as {@code /taskmanagers} shows it; {@code timeSinceLastHeartbeat} is, as in Flink's REST API, the
 * epoch milliseconds of the last heartbeat.
 */
record TaskManagerDetails(String id, String path, int dataPort, long timeSinceLastHeartbeat, int slotsNumber,
        int freeSlots) {

    static TaskManagerDetails of(TaskManagerInfo info) {
        return new TaskManagerDetails(info.id().toString(), info.address(), info.dataPort(),
                info.lastHeartbeatEpochMillis(), info.slotsTotal(), info.slotsFree());
    }
}
