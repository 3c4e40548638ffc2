package io.podflow.client.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podflow.protocol.job.JobGraph;
import io.podflow.protocol.job.JobGraphJson;
import io.podflow.protocol.job.JobID;
import io.podflow.protocol.job.JobStatus;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Talks to a JobManager's REST API the way Flink's clients do: upload a jar, submit a job graph, list, inspect and
 * cancel jobs. Every request carries the configured headers (bearer token, {@code FLINK_REST_CLIENT_HEADERS}).
 * Errors come back as {@link RestClientException}s with the server's own error lines.
 */
public final class RestClusterClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAR_FIELD = "jarfile";

    private final URI baseUri;
    private final Map<String, String> headers;
    private final Duration requestTimeout;
    private final HttpClient http;

    public RestClusterClient(URI baseUri, Map<String, String> headers, Duration requestTimeout) {
        this.baseUri = baseUri;
        this.headers = Map.copyOf(headers);
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    public URI baseUri() {
        return baseUri;
    }

    /** Uploads a jar and returns the id {@code POST /jobs} and {@code /jars/{id}/run} refer to it by. */
    public String uploadJar(Path jar) {
        try {
            MultipartFileBody body = new MultipartFileBody(JAR_FIELD, jar);
            HttpRequest request = request("/jars/upload").header("Content-Type", body.contentType())
                    .POST(body.publisher()).build();
            String filename = send(request).path("filename").asText();
            return filename.substring(filename.lastIndexOf('/') + 1);
        } catch (IOException e) {
            throw new RestClientException("Cannot read the jar " + jar + ": " + e.getMessage(), e);
        }
    }

    /** Submits a job graph whose code is in the uploaded jars; returns once the JobManager accepted it. */
    public JobID submitJob(JobGraph jobGraph, List<String> jarIds) {
        ObjectNode body = JSON.createObjectNode();
        try {
            body.set("jobGraph", JSON.readTree(JobGraphJson.toJson(jobGraph)));
        } catch (IOException e) {
            throw new IllegalStateException("A job graph that does not read back as JSON: " + e.getMessage(), e);
        }
        body.set("jarIds", JSON.valueToTree(jarIds));
        send(request("/jobs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        return jobGraph.jobId();
    }

    public List<JobSummary> listJobs() {
        JsonNode jobs = send(request("/jobs/overview").GET().build()).path("jobs");
        List<JobSummary> summaries = new ArrayList<>();
        for (JsonNode job : jobs) {
            summaries.add(new JobSummary(JobID.fromHexString(job.path("jid").asText()), job.path("name").asText(),
                    JobStatus.valueOf(job.path("state").asText()), job.path("start-time").asLong()));
        }
        return summaries;
    }

    public JobStatus jobStatus(JobID jobId) {
        return JobStatus.valueOf(send(request("/jobs/" + jobId).GET().build()).path("state").asText());
    }

    /** The job's most recent failure as the JobManager recorded it, or null when it has none. */
    public String rootException(JobID jobId) {
        JsonNode root = send(request("/jobs/" + jobId + "/exceptions").GET().build()).path("root-exception");
        return root.isNull() || root.isMissingNode() ? null : root.asText();
    }

    public void cancelJob(JobID jobId) {
        send(request("/jobs/" + jobId + "?mode=cancel").method("PATCH", HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** Any GET endpoint's JSON, for commands that show what the server answers. */
    public JsonNode get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUri.resolve(path)).timeout(requestTimeout);
        headers.forEach(builder::header);
        return builder;
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new RestClientException("Cannot reach the JobManager's REST endpoint at " + baseUri
                    + " (connection refused); is the cluster running and is this its address?", e);
        } catch (IOException e) {
            throw new RestClientException("REST call " + request.method() + " " + request.uri() + " failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestClientException("Interrupted during " + request.method() + " " + request.uri(), e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() >= 300) {
            throw new RestClientException(response.statusCode(), request.method() + " " + request.uri().getPath()
                    + " answered " + response.statusCode() + ": " + errorText(body, response.body()));
        }
        return body;
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode().put("text", text);
        }
    }

    private static String errorText(JsonNode body, String raw) {
        JsonNode errors = body.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            List<String> lines = new ArrayList<>();
            errors.forEach(error -> lines.add(error.asText()));
            return String.join("; ", lines);
        }
        return raw == null || raw.isBlank() ? "(no body)" : raw.strip();
    }
}
