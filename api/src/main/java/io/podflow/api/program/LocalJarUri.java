package io.podflow.api.program;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The {@code local://} URI that names a job jar inside the image in application mode: the jar is not uploaded from
 * the client, it is read where the JobManager runs.
 */
public final class LocalJarUri {

    public static final String SCHEME = "local";

    private LocalJarUri() {
    }

    /**
     * The absolute path {@code uri} names, e.g. {@code /opt/flink/usrlib/my-job.jar} for
     * {@code local:///opt/flink/usrlib/my-job.jar}.
     *
     * @throws IllegalArgumentException with one line for people when {@code uri} is not a {@code local://} URI of an
     *     absolute path
     */
    public static Path toPath(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri.trim());
        } catch (URISyntaxException e) {
            throw notLocal(uri);
        }
        String path = parsed.getPath();
        if (!SCHEME.equals(parsed.getScheme()) || parsed.getAuthority() != null || path == null
                || !path.startsWith("/") || path.endsWith("/")) {
            throw notLocal(uri);
        }
        return Path.of(path);
    }

    private static IllegalArgumentException notLocal(String uri) {
        return new IllegalArgumentException("Application mode runs a jar that is already in the image, so the jar "
                + "must be a local:// URI of its path there, e.g. local:///opt/flink/usrlib/my-job.jar, not '"
                + uri + "'");
    }
}
