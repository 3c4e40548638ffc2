package io.podflow.jobmanager.rest.handler;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.podflow.jobmanager.rest.RestException;
import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;
import io.podflow.jobmanager.rest.UploadedJars;

import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /jars/{jarid}/run} with {@code entryClass}, {@code parallelism}, {@code programArgs}. Running a jar's
 * {@code main()} needs the DataStream environment, which is not there yet: after checking the jar and the body,
 * this answers 501 and points to {@code POST /jobs}.
 */
public final class JarRunHandler implements RestHandler {

    static final String JAR_ID = "jarid";

    private final UploadedJars jars;

    public JarRunHandler(UploadedJars jars) {
        this.jars = jars;
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) {
        jars.file(request.pathParameter(JAR_ID));
        JsonNode body = request.jsonBody();
        JsonNode parallelism = body.get("parallelism");
        boolean positive = parallelism != null && parallelism.canConvertToInt() && parallelism.asInt() >= 1;
        if (parallelism != null && !parallelism.isNull() && !positive) {
            throw RestException.badRequest("'parallelism' must be a positive integer, not " + parallelism);
        }
        throw new RestException(HttpResponseStatus.NOT_IMPLEMENTED, "Running a jar's main() on the JobManager "
                + "arrives with the DataStream API; submit a JobGraph with POST /jobs instead");
    }
}
