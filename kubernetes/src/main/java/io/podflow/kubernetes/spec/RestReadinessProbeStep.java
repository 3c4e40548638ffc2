package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * Marks the JobManager container Ready only once its REST port accepts connections, so a Running pod whose REST
 * server is still starting gets no traffic from the REST Service and is not reported as a ready session.
 */
public record RestReadinessProbeStep(int restPort) implements PodStep {

    private static final int PERIOD_SECONDS = 2;
    private static final int TIMEOUT_SECONDS = 2;

    @Override
    public PodDraft apply(PodDraft draft) {
        return draft.withContainer(new ContainerBuilder(draft.container()).withNewReadinessProbe().withNewTcpSocket()
                .withPort(new IntOrString(restPort)).endTcpSocket().withPeriodSeconds(PERIOD_SECONDS)
                .withTimeoutSeconds(TIMEOUT_SECONDS).endReadinessProbe().build());
    }
}
