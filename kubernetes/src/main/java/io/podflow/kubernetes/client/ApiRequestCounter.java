package io.podflow.kubernetes.client;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the HTTP requests a Kubernetes client sends (retries and watch starts each count once) and logs each at
 * DEBUG with its running number, so the requests a process made between two points are read from its log.
 */
public final class ApiRequestCounter implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRequestCounter.class);

    private final AtomicLong sent = new AtomicLong();

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        long number = sent.incrementAndGet();
        LOG.debug("Kubernetes API request {}: {} {}", number, request.method(), request.uri().getRawPath());
    }

    /** Requests sent so far. */
    public long sent() {
        return sent.get();
    }
}
