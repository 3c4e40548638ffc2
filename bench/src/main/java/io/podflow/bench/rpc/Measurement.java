package io.podflow.bench.rpc;

/** One measured configuration: requests per second and latency percentiles in microseconds. */
record Measurement(String name, int inFlight, double perSecond, double p50Micros, double p99Micros) {

    String line() {
        return String.format("%-10s in-flight %3d  %10.0f req/s  p50 %8.1f us  p99 %8.1f us",
                name, inFlight, perSecond, p50Micros, p99Micros);
    }
}
