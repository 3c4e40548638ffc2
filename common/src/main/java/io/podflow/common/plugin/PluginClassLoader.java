package io.podflow.common.plugin;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * The class loader of one plugin: its own jars, the JDK, and of podflow's classpath only the packages plugins are
 * written against. podflow's libraries and other plugins stay invisible, so two plugins may each bring their own
 * version of a class.
 */
public final class PluginClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader podflow;
    private final List<String> apiPackages;

    /**
     * @param podflow the loader of podflow's classpath, asked for classes of {@code apiPackages} only
     * @param apiPackages package prefixes such as {@code org.slf4j.}, shared with podflow so their types agree
     */
    PluginClassLoader(String name, List<URL> jars, ClassLoader podflow, List<String> apiPackages) {
        // the platform loader as parent: the JDK first, and resources come from the plugin's jars, not podflow's
        super(name, jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.podflow = podflow;
        this.apiPackages = List.copyOf(apiPackages);
    }

    @Override
    protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
        if (apiPackages.stream().anyMatch(className::startsWith)) {
            return podflow.loadClass(className);
        }
        return super.loadClass(className, resolve);
    }
}
