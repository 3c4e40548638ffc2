package io.podflow.jobmanager.resourcemanager;

import io.podflow.protocol.ResourceID;

import java.util.Set;

/**
 * What the ResourceManager hands its driver after every change: how many workers the declared slot demand needs in
 * total, what one worker looks like, which workers have registered, and which of those hold no slot.
 */
public record WorkerDemand(int workersWanted, WorkerSpec spec, Set<ResourceID> registered, Set<ResourceID> idle) {

    public WorkerDemand {
        registered = Set.copyOf(registered);
        idle = Set.copyOf(idle);
    }

    /** Workers wanted beyond those registered; 0 when there are enough. */
    public int shortfall() {
        return Math.max(0, workersWanted - registered.size());
    }
}
