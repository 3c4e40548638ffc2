package io.podflow.jobmanager.rest.handler;

import com.fasterxml.jackson.databind.JsonNode;
import io.podflow.jobmanager.blob.BlobStore;
import io.podflow.jobmanager.rest.RestException;
import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;
import io.podflow.jobmanager.rest.UploadedJars;
import io.podflow.protocol.DispatcherGateway;
import io.podflow.protocol.job.InvalidJobGraphException;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobGraphJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /jobs}: submits a job. The body is {@code {"jobGraph": <JobGraph JSON>, "jarIds": ["<id from
 * /jars/upload>", ...]}}; each named jar is put into the blob server and its key added to the graph's
 * {@code jarBlobKeys} before the Dispatcher gets it. Answers 202 with {@code {"jobUrl": "/jobs/<id>"}}; a job id
 * already submitted is a 409.
 */
public final class JobSubmitHandler implements RestHandler {

    private final DispatcherGateway dispatcher;
    private final UploadedJars jars;
    private final BlobStore blobs;

    /** The body of a 202 answer to {@code POST /jobs}. */
    record JobSubmitResponse(String jobUrl) {
    }

    public JobSubmitHandler(DispatcherGateway dispatcher, UploadedJars jars, BlobStore blobs) {
        this.dispatcher = dispatcher;
        this.jars = jars;
        this.blobs = blobs;
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) {
        JsonNode body = request.jsonBody();
        JsonNode graphJson = body.get("jobGraph");
        if (graphJson == null || !graphJson.isObject()) {
            throw RestException.badRequest("The body needs a 'jobGraph' object (and optionally 'jarIds')");
        }
        JobGraph graph;
        try {
            graph = JobGraphJson.fromJson(graphJson.toString());
        } catch (InvalidJobGraphException e) {
            throw RestException.badRequest(e.getMessage());
        }
        JobGraph withJars = withJarKeys(graph, jarFiles(body.get("jarIds")));
        return dispatcher.submitJob(withJars).thenApply(done -> RestResponse.accepted(
                new JobSubmitResponse("/jobs/" + withJars.jobId())));
    }

    private List<Path> jarFiles(JsonNode jarIds) {
        if (jarIds == null || jarIds.isNull()) {
            return List.of();
        }
        if (!jarIds.isArray()) {
            throw RestException.badRequest("'jarIds' must be a list of ids returned by POST /jars/upload");
        }
        List<Path> files = new ArrayList<>();
        for (JsonNode id : jarIds) {
            try {
                files.add(jars.file(id.asText()));
            } catch (RestException e) {
                throw RestException.badRequest(e.getMessage() + "; upload it with POST /jars/upload first");
            }
        }
        return files;
    }

    private JobGraph withJarKeys(JobGraph graph, List<Path> jarFiles) {
        List<String> keys = new ArrayList<>(graph.jarBlobKeys());
        for (Path jar : jarFiles) {
            String key = blobs.put(jar).hex();
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return new JobGraph(graph.jobId(), graph.name(), graph.vertices(), graph.edges(), keys,
                graph.configuration());
    }
}
