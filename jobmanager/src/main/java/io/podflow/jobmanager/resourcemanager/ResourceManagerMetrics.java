package io.podflow.jobmanager.resourcemanager;

import io.podflow.common.metrics.MetricGroup;
import io.podflow.common.metrics.PublishedGauge;

/** What the ResourceManager knows of the cluster, under Flink's JobManager metric names; set on its main thread. */
final class ResourceManagerMetrics {

    private final PublishedGauge taskManagers;
    private final PublishedGauge slotsTotal;
    private final PublishedGauge slotsAvailable;

    ResourceManagerMetrics(MetricGroup jobManager) {
        this.taskManagers = jobManager.publishedGauge("numRegisteredTaskManagers");
        this.slotsTotal = jobManager.publishedGauge("taskSlotsTotal");
        this.slotsAvailable = jobManager.publishedGauge("taskSlotsAvailable");
    }

    void publish(int registeredTaskManagers, SlotManager slots) {
        taskManagers.set(registeredTaskManagers);
        slotsTotal.set(slots.totalSlotCount());
        slotsAvailable.set(slots.freeSlotCount());
    }
}
