package io.podflow.client.kubernetes;

import io.podflow.client.rest.RestClientException;
import io.podflow.client.rest.RestClusterClient;
import io.podflow.client.rest.RestRequestHeaders;
import io.podflow.kubernetes.client.RestServiceAccess;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits until a new session can take jobs: its REST endpoint answers {@code GET /overview}, or, where the REST
 * Service gives this client no address (ClusterIP), its JobManager pod is Ready.
 */
final class SessionReadiness {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final SessionObjects session;
    private final String restToken;
    private final Duration timeout;
    private final Duration pollInterval;

    SessionReadiness(SessionObjects session, String restToken, Duration timeout, Duration pollInterval) {
        this.session = session;
        this.restToken = restToken;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    /**
     * How to reach the ready session.
     *
     * @throws SessionNotReadyException when it is not ready within the timeout, naming what was last seen
     */
    RestServiceAccess await() throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String lastSeen = "the REST Service does not exist yet";
        while (true) {
            Optional<RestServiceAccess> access = session.restService()
                    .map(service -> RestServiceAccess.of(service, session.nodeHost()));
            if (access.isPresent()) {
                Optional<String> url = access.get().url();
                if (url.isPresent()) {
                    try {
                        new RestClusterClient(URI.create(url.get()), RestRequestHeaders.from(null, restToken),
                                REQUEST_TIMEOUT).get("/overview");
                        return access.get();
                    } catch (RestClientException e) {
                        lastSeen = e.getMessage();
                    }
                } else if (session.jobManagerPodReady()) {
                    return access.get();
                } else {
                    lastSeen = "the JobManager pod is not Ready";
                }
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
