package io.podflow.jobmanager.rest.handler;

import com.fasterxml.jackson.databind.JsonNode;
import io.podflow.api.program.PackagedProgram;
import io.podflow.api.program.ProgramInvocationException;
import io.podflow.jobmanager.program.ProgramRunner;
import io.podflow.jobmanager.rest.RestException;
import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;
import io.podflow.jobmanager.rest.UploadedJars;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /jars/{jarid}/run}: runs an uploaded jar's {@code main()} on the JobManager, its jobs going detached to
 * the Dispatcher with the jar as a blob. The body may give {@code entryClass} (else the manifest's), {@code
 * parallelism} (else {@code parallelism.default}) and the arguments as {@code programArgs} (split on whitespace) or
 * {@code programArgsList}. Answers 200 with {@code {"jobid": ...}} of the first job the program submitted; a program
 * that cannot start, fails or submits nothing is a 400, an unknown jar a 404.
 */
public final class JarRunHandler implements RestHandler {

    static final String JAR_ID = "jarid";

    private final UploadedJars jars;
    private final ProgramRunner runner;
    private final int defaultParallelism;

    /** The body of a 200 answer, named as Flink names it. */
    record JarRunResponse(String jobid) {
    }

    public JarRunHandler(UploadedJars jars, ProgramRunner runner, int defaultParallelism) {
        this.jars = jars;
        this.runner = runner;
        this.defaultParallelism = defaultParallelism;
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) {
        Path jar = jars.file(request.pathParameter(JAR_ID));
        JsonNode body = request.jsonBody();
        PackagedProgram program;
        try {
            program = PackagedProgram.of(jar, text(body, "entryClass"), arguments(body));
        } catch (ProgramInvocationException e) {
            throw RestException.badRequest(e.getMessage());
        }
        return runner.run(program, parallelism(body))
                .thenApply(jobId -> RestResponse.ok(new JarRunResponse(jobId.toString())))
                .exceptionally(JarRunHandler::asBadRequest);
    }

    private static RestResponse asBadRequest(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ProgramInvocationException failed) {
            throw RestException.badRequest(failed.getMessage());
        }
        throw new CompletionException(cause);
    }

    private int parallelism(JsonNode body) {
        JsonNode parallelism = body.get("parallelism");
        if (parallelism == null || parallelism.isNull()) {
            return defaultParallelism;
        }
        if (!parallelism.canConvertToInt() || parallelism.asInt() < 1) {
            throw RestException.badRequest("'parallelism' must be a positive integer, not " + parallelism);
        }
        return parallelism.asInt();
    }

    private static List<String> arguments(JsonNode body) {
        String joined = text(body, "programArgs");
        JsonNode list = body.get("programArgsList");
        boolean hasList = list != null && !list.isNull();
        if (joined != null && hasList) {
            throw RestException.badRequest("Give the arguments as 'programArgs' or 'programArgsList', not both");
        }
        if (hasList) {
            if (!list.isArray()) {
                throw RestException.badRequest("'programArgsList' must be a list of strings");
            }
            List<String> arguments = new ArrayList<>();
            list.forEach(argument -> arguments.add(argument.asText()));
            return arguments;
        }
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.strip().split("\\s+"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
