package io.podflow.jobmanager.rest.handler;

import io.podflow.jobmanager.rest.RestException;
import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;
import io.podflow.protocol.ResourceManagerGateway;

import java.util.concurrent.CompletableFuture;

/** {@code GET /taskmanagers/{taskmanagerid}}: one registered TaskManager, or 404. */
public final class TaskManagerDetailsHandler implements RestHandler {

    static final String TASK_MANAGER_ID = "taskmanagerid";

    private final ResourceManagerGateway resourceManager;

    public TaskManagerDetailsHandler(ResourceManagerGateway resourceManager) {
        this.resourceManager = resourceManager;
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) {
        String id = request.pathParameter(TASK_MANAGER_ID);
        return resourceManager.requestTaskManagerInfos().thenApply(infos -> infos.stream()
                .filter(info -> info.id().value().equals(id)).findFirst()
                .map(info -> RestResponse.ok(TaskManagerDetails.of(info)))
                .orElseThrow(() -> RestException.notFound("No registered TaskManager with id '" + id + "'")));
    }
}
