package io.podflow.jobmanager.rest.handler;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;

import java.time.ZoneId;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;

/** {@code GET /config}: what a web dashboard needs to know about this server before it starts polling. */
public final class DashboardConfigHandler implements RestHandler {

    // how often a dashboard should poll; podflow serves no dashboard of its own, so this is only advice
    private static final long REFRESH_INTERVAL_MILLIS = 3000;

    /** The body of {@code GET /config}. */
    record DashboardConfig(
            @JsonProperty("refresh-interval") long refreshInterval,
            @JsonProperty("timezone-name") String timezoneName,
            @JsonProperty("timezone-offset") int timezoneOffset,
            @JsonProperty("flink-version") String version,
            Features features) {
    }

    /** Which dashboard actions the REST API allows. */
    record Features(
            @JsonProperty("web-submit") boolean submit,
            @JsonProperty("web-cancel") boolean cancel,
            @JsonProperty("web-history") boolean history) {
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) {
        TimeZone zone = TimeZone.getTimeZone(ZoneId.systemDefault());
        return CompletableFuture.completedFuture(RestResponse.ok(new DashboardConfig(REFRESH_INTERVAL_MILLIS,
                zone.getDisplayName(), zone.getOffset(System.currentTimeMillis()), PodflowVersion.current(),
                new Features(true, true, false))));
    }
}
