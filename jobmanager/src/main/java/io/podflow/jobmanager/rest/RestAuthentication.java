package io.podflow.jobmanager.rest;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.IllegalConfigurationException;
import io.podflow.common.config.RestOptions;

import java.util.Optional;

/** Decides from the configuration which bearer token REST requests need, refusing to guess when none is set. */
final class RestAuthentication {

    private RestAuthentication() {
    }

    /** The token every request must carry, or empty when {@code rest.authentication: none} was chosen. */
    static Optional<String> requiredToken(Configuration config) {
        if (config.get(RestOptions.AUTHENTICATION) == RestOptions.Authentication.NONE) {
            return Optional.empty();
        }
        String token = config.getOptional(RestOptions.AUTHENTICATION_TOKEN).map(String::trim).orElse("");
        if (token.isEmpty()) {
            throw new IllegalConfigurationException("The REST server needs " + RestOptions.AUTHENTICATION_TOKEN.key()
                    + " (usually from the cluster Secret), or set " + RestOptions.AUTHENTICATION.key()
                    + ": none to leave the REST API open");
        }
        return Optional.of(token);
    }
}
