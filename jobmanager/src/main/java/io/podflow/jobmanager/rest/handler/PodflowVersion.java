package io.podflow.jobmanager.rest.handler;

/** The version REST reports in Flink's {@code flink-version} fields: the jar's Implementation-Version, if packaged. */
final class PodflowVersion {

    private PodflowVersion() {
    }

    static String current() {
        String version = PodflowVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
