package io.podflow.localkube.kubelet.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps image names (tag and registry ignored) to local {@link ImageRoot}s.
 *
 * <p>{@code podflow} and {@code flink} map to the podflow distribution at {@code /opt/flink}, laid out as
 * the official Flink image: owned by {@code flink} (9999:9999), with {@code FLINK_HOME} set, its
 * {@code bin/} first on the PATH and an empty {@code log/}. A YAML file adds more ({@code owner}, {@code env}
 * and {@code emptyDirs} are optional; without an owner the image stays root's):
 *
 * <pre>
 * images:
 *   - name: my-app
 *     root: /srv/my-app
 *     mountPoint: /opt/app
 *     entrypoint: [/opt/app/run.sh]
 *     workingDir: /opt/app
 *     owner: "1000:1000"
 *     env:
 *       APP_HOME: /opt/app
 *     emptyDirs: [logs]
 * </pre>
 */
public final class ImageMapping {

    static final String FLINK_HOME = "/opt/flink";
    static final String DIST_ENTRYPOINT = "docker-entrypoint.sh";

    private final Map<String, ImageRoot> roots;

    private ImageMapping(Map<String, ImageRoot> roots) {
        this.roots = Map.copyOf(roots);
    }

    /** The default mapping for the podflow distribution plus the entries of {@code mappingFile}. */
    public static ImageMapping load(Path podflowDist, Optional<Path> mappingFile) {
        Map<String, ImageRoot> roots = new LinkedHashMap<>();
        ImageRoot dist = distribution(podflowDist);
        roots.put("podflow", dist);
        roots.put("flink", dist);
        mappingFile.ifPresent(file -> roots.putAll(readFile(file)));
        return new ImageMapping(roots);
    }

    /** The image root for {@code image}, or empty when the image runs on the host filesystem. */
    public Optional<ImageRoot> resolve(String image) {
        String repository = repositoryOf(image);
        ImageRoot root = roots.get(repository);
        if (root == null) {
            root = roots.get(repository.substring(repository.lastIndexOf('/') + 1));
        }
        return Optional.ofNullable(root).map(ImageMapping::withCurrentEntrypoint);
    }

    /** {@code registry:5000/library/flink:1.17@sha256:..} becomes {@code registry:5000/library/flink}. */
    static String repositoryOf(String image) {
        String name = image;
        int digest = name.indexOf('@');
        if (digest >= 0) {
            name = name.substring(0, digest);
        }
        int lastSlash = name.lastIndexOf('/');
        int tag = name.lastIndexOf(':');
        if (tag > lastSlash) {
            name = name.substring(0, tag);
        }
        return name;
    }

    private static ImageRoot distribution(Path podflowDist) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FLINK_HOME", FLINK_HOME);
        env.put("PATH", FLINK_HOME + "/bin:" + ImageRoot.DEFAULT_PATH);
        return new ImageRoot(podflowDist, FLINK_HOME, List.of(), FLINK_HOME, Optional.of(ImageOwner.FLINK), env,
                List.of("log"));
    }

    // The distribution may be (re)built while the kubelet runs, so its entrypoint is looked up per use.
    private static ImageRoot withCurrentEntrypoint(ImageRoot root) {
        if (!root.entrypoint().isEmpty() || !root.mountPoint().equals(FLINK_HOME)) {
            return root;
        }
        if (Files.isRegularFile(root.rootDir().resolve(DIST_ENTRYPOINT))) {
            return root.withEntrypoint(List.of(FLINK_HOME + "/" + DIST_ENTRYPOINT));
        }
        return root;
    }

    private static Map<String, ImageRoot> readFile(Path file) {
        JsonNode tree;
        try {
            tree = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image mapping " + file + ": " + e.getMessage(), e);
        }
        Map<String, ImageRoot> roots = new LinkedHashMap<>();
        for (JsonNode entry : tree.path("images")) {
            String name = required(entry, "name", file);
            String mountPoint = required(entry, "mountPoint", file);
            List<String> entrypoint = new ArrayList<>();
            entry.path("entrypoint").forEach(word -> entrypoint.add(word.asText()));
            String workingDir = entry.path("workingDir").asText(mountPoint);
            Optional<ImageOwner> owner = Optional.ofNullable(entry.get("owner")).map(JsonNode::asText)
                    .map(text -> ownerOf(text, name, file));
            Map<String, String> env = new LinkedHashMap<>();
            entry.path("env").fields().forEachRemaining(variable -> env.put(variable.getKey(),
                    variable.getValue().asText()));
            List<String> emptyDirs = new ArrayList<>();
            entry.path("emptyDirs").forEach(dir -> emptyDirs.add(dir.asText()));
            roots.put(name, new ImageRoot(Path.of(required(entry, "root", file)), mountPoint, entrypoint, workingDir,
                    owner, env, emptyDirs));
        }
        return roots;
    }

    private static ImageOwner ownerOf(String text, String image, Path file) {
        try {
            return ImageOwner.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("image mapping " + file + ", image " + image + ": " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode entry, String field, Path file) {
        JsonNode value = entry.get(field);
        if (value == null || value.asText().isBlank()) {
            throw new IllegalArgumentException("image mapping " + file + ": an entry lacks '" + field + "'");
        }
        return value.asText();
    }
}
