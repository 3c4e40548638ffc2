package io.podflow.common.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins of a directory such as {@code $FLINK_HOME/plugins}: each subdirectory's jars form one plugin, loaded by
 * its own {@link PluginClassLoader}, and a plugin offers its implementations of podflow's interfaces through
 * {@link ServiceLoader} ({@code META-INF/services/<interface name>} in its jar).
 */
public final class PluginDirectory {

    /** What plugins see of podflow: this package with its SPIs (such as metrics), the typed configuration, slf4j. */
    public static final List<String> API_PACKAGES = List.of("io.podflow.common.plugin.", "io.podflow.common.config.",
            "org.slf4j.");

    private static final Logger LOG = LoggerFactory.getLogger(PluginDirectory.class);

    private final List<PluginClassLoader> plugins;

    private PluginDirectory(List<PluginClassLoader> plugins) {
        this.plugins = plugins;
    }

    /** Where a process finds its plugins: {@code FLINK_PLUGINS_DIR}, else {@code $FLINK_HOME/plugins}. */
    public static Path locate(Map<String, String> env) {
        String configured = env.get("FLINK_PLUGINS_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(env.getOrDefault("FLINK_HOME", ".")).resolve("plugins");
    }

    /** The plugins under {@code directory}, sorted by name; none when it does not exist. */
    public static PluginDirectory open(Path directory) {
        return open(directory, PluginDirectory.class.getClassLoader());
    }

    static PluginDirectory open(Path directory, ClassLoader podflow) {
        if (!Files.isDirectory(directory)) {
            return new PluginDirectory(List.of());
        }
        List<PluginClassLoader> plugins = new ArrayList<>();
        for (Path plugin : list(directory).filter(Files::isDirectory).sorted().toList()) {
            List<URL> jars = list(plugin).filter(file -> file.getFileName().toString().endsWith(".jar")).sorted()
                    .map(PluginDirectory::url).toList();
            if (!jars.isEmpty()) {
                plugins.add(new PluginClassLoader(plugin.getFileName().toString(), jars, podflow, API_PACKAGES));
                LOG.info("Plugin {}: {}", plugin.getFileName(), jars);
            }
        }
        return new PluginDirectory(List.copyOf(plugins));
    }

    /** Every plugin's implementations of {@code service}, in the plugins' name order. */
    public <S> List<S> load(Class<S> service) {
        List<S> found = new ArrayList<>();
        for (PluginClassLoader plugin : plugins) {
            ServiceLoader.load(service, plugin).forEach(found::add);
        }
        return found;
    }

    private static Stream<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list plugins in " + directory, e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar + " is not a valid jar path", e);
        }
    }
}
