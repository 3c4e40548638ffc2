package io.podflow.bench.rpc;

/**
 * One measured configuration: requests per second, latency percentiles in microseconds, and CPU time both JVMs
 * spent per request (the figure least disturbed by other load on the machine).
 */
record Measurement(String name, int inFlight, double perSecond, double p50Micros, double p99Micros,
        double cpuMicrosPerRequest) {

    String line() {
        return String.format("%-10s in-flight %3d  %10.0f req/s  p50 %8.1f us  p99 %8.1f us  cpu %6.1f us/req",
                name, inFlight, perSecond, p50Micros, p99Micros, cpuMicrosPerRequest);
    }
}
