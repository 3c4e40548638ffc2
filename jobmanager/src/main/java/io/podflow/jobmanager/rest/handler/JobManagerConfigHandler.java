package io.podflow.jobmanager.rest.handler;

import io.podflow.common.config.Configuration;
import io.podflow.jobmanager.rest.RestHandler;
import io.podflow.jobmanager.rest.RestRequest;
import io.podflow.jobmanager.rest.RestResponse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code GET /jobmanager/config}: the JobManager's configuration as key/value pairs, secrets masked. */
public final class JobManagerConfigHandler implements RestHandler {

    static final String MASK = "******";
    private static final List<String> SENSITIVE_KEY_PARTS = List.of("secret", "password", "token", "apikey");

    private final List<ConfigEntry> entries;

    /** One configuration entry. */
    record ConfigEntry(String key, String value) {
    }

    public JobManagerConfigHandler(Configuration config) {
        this.entries = config.toMap().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> new ConfigEntry(entry.getKey(), sensitive(entry.getKey()) ? MASK : entry.getValue()))
                .toList();
    }

    private static boolean sensitive(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SENSITIVE_KEY_PARTS.stream().anyMatch(lower::contains);
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) {
        return CompletableFuture.completedFuture(RestResponse.ok(entries));
    }
}
