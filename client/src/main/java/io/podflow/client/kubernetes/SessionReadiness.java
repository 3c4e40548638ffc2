package io.podflow.client.kubernetes;

import io.podflow.client.rest.RestClientException;
import io.podflow.client.rest.RestClusterClient;
import io.podflow.client.rest.RestRequestHeaders;
import io.podflow.kubernetes.client.RestServiceAccess;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits until a new session can take jobs: its REST endpoint, found as {@code bin/flink} finds it, answers
 * {@code GET /overview}.
 */
final class SessionReadiness {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final RestEndpointFinder endpoints;
    private final String restToken;
    private final Duration timeout;
    private final Duration pollInterval;

    SessionReadiness(RestEndpointFinder endpoints, String restToken, Duration timeout, Duration pollInterval) {
        this.endpoints = endpoints;
        this.restToken = restToken;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    /**
     * How a user reaches the ready session.
     *
     * @throws SessionNotReadyException when it is not ready within the timeout, naming what was last seen
     */
    RestServiceAccess await() throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            String lastSeen;
            try (RestEndpoint endpoint = endpoints.find()) {
                new RestClusterClient(endpoint.uri(), RestRequestHeaders.from(null, restToken), REQUEST_TIMEOUT)
                        .get("/overview");
                return endpoint.serviceAccess();
            } catch (ClusterUnavailableException | RestClientException e) {
                lastSeen = e.getMessage();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new SessionNotReadyException("not ready after " + timeout.toSeconds() + " s: " + lastSeen);
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    /** The session did not become ready in time; its objects stay so the user can look at them. */
    static final class SessionNotReadyException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        SessionNotReadyException(String message) {
            super(message);
        }
    }
}
