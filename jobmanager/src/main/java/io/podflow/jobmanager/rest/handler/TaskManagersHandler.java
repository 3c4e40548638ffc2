package io.podflow.jobmanager.rest.handler;

import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;
import io.podflow.protocol.ResourceManagerGateway;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code GET /taskmanagers}: every registered TaskManager with its slots. */
public final class TaskManagersHandler implements RestHandler {

    private final ResourceManagerGateway resourceManager;

    /** The body of {@code GET /taskmanagers}. */
    record TaskManagers(List<TaskManagerDetails> taskmanagers) {
    }

    public TaskManagersHandler(ResourceManagerGateway resourceManager) {
        this.resourceManager = resourceManager;
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) {
        return resourceManager.requestTaskManagerInfos().thenApply(infos -> RestResponse.ok(
                new TaskManagers(infos.stream().map(TaskManagerDetails::of).toList())));
    }
}
