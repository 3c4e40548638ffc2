package io.podflow.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A loopback HTTP server answering REST paths with canned JSON and recording what it was sent. */
public final class FakeRestServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Recorded(String method, String path, Map<String, List<String>> headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    /** A canned answer. */
    public record Answer(int status, String json) {
    }

    private final HttpServer server;
    private final Map<String, Function<Recorded, Answer>> routes = new ConcurrentHashMap<>();
    private final Map<String, Function<Recorded, Answer>> prefixRoutes = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    public FakeRestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code METHOD /path} (path without query) with what {@code answer} returns. */
    public FakeRestServer on(String method, String path, Function<Recorded, Answer> answer) {
        routes.put(method + " " + path, answer);
        return this;
    }

    /** Answers every {@code METHOD /prefix...} no exact route matches. */
    public FakeRestServer onPrefix(String method, String pathPrefix, Function<Recorded, Answer> answer) {
        prefixRoutes.put(method + " " + pathPrefix, answer);
        return this;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Recorded> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Recorded recorded = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes());
        requests.add(recorded);
        String key = recorded.method() + " " + recorded.path();
        Function<Recorded, Answer> route = routes.get(key);
        if (route == null) {
            route = prefixRoutes.entrySet().stream().filter(entry -> key.startsWith(entry.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        Answer answer = route == null ? new Answer(404, "{\"errors\":[\"Not found: " + recorded.path() + "\"]}")
                : route.apply(recorded);
        byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
