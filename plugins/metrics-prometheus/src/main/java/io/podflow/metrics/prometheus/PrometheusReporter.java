package io.podflow.metrics.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.podflow.common.plugin.metrics.MetricReporter;
import io.podflow.common.plugin.metrics.MetricSource;
import io.podflow.common.plugin.metrics.ReporterSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the process's metrics at {@code GET /metrics} on the first free port of {@code metrics.reporter.<name>.port}
 * (a port or a range such as {@code 9250-9260}; default 9249), bound to the process's bind address. Each scrape
 * reads the metrics on the reporter's own thread.
 */
final class PrometheusReporter implements MetricReporter {

    static final String DEFAULT_PORT = "9249";

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusReporter.class);
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService thread;

    private PrometheusReporter(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    static PrometheusReporter start(ReporterSetup setup) {
        PortRange ports = PortRange.parse(setup.option("port", DEFAULT_PORT));
        HttpServer server = bind(setup.bindHost(), ports);
        server.createContext("/metrics", exchange -> answer(exchange, setup.metrics()));
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread daemon = new Thread(runnable, "prometheus-reporter-" + setup.name());
            daemon.setDaemon(true);
            return daemon;
        });
        server.setExecutor(thread);
        server.start();
        LOG.info("Serving Prometheus metrics at http://{}:{}/metrics", setup.bindHost(),
                server.getAddress().getPort());
        return new PrometheusReporter(server, thread);
    }

    private static HttpServer bind(String host, PortRange ports) {
        for (int port = ports.first(); port <= ports.last(); port++) {
            try {
                return HttpServer.create(new InetSocketAddress(host, port), 0);
            } catch (BindException taken) {
                LOG.debug("Port {} of {} is taken", port, host);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot serve Prometheus metrics on " + host + ":" + port + ": "
                        + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("Cannot serve Prometheus metrics on " + host + ": every port of " + ports
                + " is in use; give metrics.reporter.<name>.port a free port or a range");
    }

    private static void answer(HttpExchange exchange, MetricSource metrics) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = PrometheusTextFormat.format(metrics.snapshot()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
