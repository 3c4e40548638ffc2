package io.podflow.common.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** Plugins, each in its own class loader: clashing classes stay apart, podflow's API is shared, the rest hidden. */
class PluginDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void twoPluginsWithTheSameClassNameEachSeeTheirOwn() throws Exception {
        Path plugins = temp.resolve("plugins");
        plugin(plugins.resolve("alpha"), "alpha");
        plugin(plugins.resolve("beta"), "beta");

        List<Supplier> greeters = PluginDirectory.open(plugins).load(Supplier.class);

        assertEquals(List.of("alpha via alpha", "beta via beta"), greeters.stream().map(Supplier::get).toList());
        Class<?> alphaGreeting = greeters.get(0).getClass().getClassLoader().loadClass("clash.Greeting");
        Class<?> betaGreeting = greeters.get(1).getClass().getClassLoader().loadClass("clash.Greeting");
        assertNotSame(alphaGreeting, betaGreeting);
    }

    @Test
    void aPluginSharesPodflowsApiButSeesNothingElseOfItsClasspath() throws Exception {
        Path plugins = temp.resolve("plugins");
        plugin(plugins.resolve("alpha"), "alpha");
        ClassLoader alpha = PluginDirectory.open(plugins).load(Supplier.class).get(0).getClass().getClassLoader();

        assertSame(Logger.class, alpha.loadClass(Logger.class.getName()));
        assertSame(PluginDirectory.class, alpha.loadClass(PluginDirectory.class.getName()));
        assertThrows(ClassNotFoundException.class, () -> alpha.loadClass(Test.class.getName()));
    }

    @Test
    void flinkPluginsDirOverridesThePluginsFolderOfFlinkHome() {
        assertEquals(Path.of("/opt/flink/plugins"), PluginDirectory.locate(Map.of("FLINK_HOME", "/opt/flink")));
        assertEquals(Path.of("/srv/plugins"), PluginDirectory.locate(Map.of("FLINK_HOME", "/opt/flink",
                "FLINK_PLUGINS_DIR", "/srv/plugins")));
    }

    @Test
    void aMissingDirectoryHasNoPlugins() {
        assertTrue(PluginDirectory.open(temp.resolve("plugins")).load(Supplier.class).isEmpty());
    }

    /**
     * A plugin jar holding {@code clash.Greeting} (says {@code name}) and {@code clash.Greeter}, a {@link Supplier}
     * service that asks the Greeting it sees and names its plugin's loader.
     */
    private void plugin(Path directory, String name) throws IOException {
        Path sources = temp.resolve("src-" + name);
        Path classes = temp.resolve("classes-" + name);
        Files.createDirectories(sources.resolve("clash"));
        Files.createDirectories(classes);
        Files.writeString(sources.resolve("clash/Greeting.java"),
                "package clash; public class Greeting { public String text() { return \"" + name + "\"; } }");
        Files.writeString(sources.resolve("clash/Greeter.java"), "package clash; public class Greeter implements "
                + "java.util.function.Supplier<String> { public String get() { return new Greeting().text() "
                + "+ \" via \" + getClass().getClassLoader().getName(); } }");
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                sources.resolve("clash/Greeting.java").toString(), sources.resolve("clash/Greeter.java").toString());
        assertEquals(0, compiled);
        Files.createDirectories(directory);
        try (OutputStream file = Files.newOutputStream(directory.resolve(name + ".jar"));
                JarOutputStream jar = new JarOutputStream(file)) {
            try (Stream<Path> classFiles = Files.walk(classes)) {
                for (Path classFile : classFiles.filter(Files::isRegularFile).toList()) {
                    jar.putNextEntry(new JarEntry(classes.relativize(classFile).toString()));
                    jar.write(Files.readAllBytes(classFile));
                }
            }
            jar.putNextEntry(new JarEntry("META-INF/services/java.util.function.Supplier"));
            jar.write("clash.Greeter\n".getBytes(StandardCharsets.UTF_8));
        }
    }
}
