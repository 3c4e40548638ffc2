package io.podflow.jobmanager.rest;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the handler for a method and path; an unknown path is a 404, a known path with another method a 405. */
public final class Router {

    private final List<Route> routes = new ArrayList<>();

    /** A handler found for a request, with the path parameters the pattern extracted. */
    public record Match(RestHandler handler, Map<String, String> pathParameters) {
    }

    private record Route(HttpMethod method, RoutePattern pattern, RestHandler handler) {
    }

    public Router add(HttpMethod method, String pattern, RestHandler handler) {
        routes.add(new Route(method, RoutePattern.parse(pattern), handler));
        routes.sort(Comparator.comparingLong(route -> route.pattern().parameterCount()));
        return this;
    }

    public Match route(HttpMethod method, String path) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.pattern().match(path);
            if (parameters.isEmpty()) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match(route.handler(), parameters.get());
            }
            pathKnown = true;
        }
        if (pathKnown) {
            throw new RestException(HttpResponseStatus.METHOD_NOT_ALLOWED, method + " is not supported on " + path);
        }
        throw RestException.notFound("No REST endpoint at " + path);
    }
}
