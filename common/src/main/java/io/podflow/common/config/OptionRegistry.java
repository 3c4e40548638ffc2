package io.podflow.common.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every option podflow knows, found through the classpath resources {@value #RESOURCE}: each module lists its
 * option holder classes there, one fully qualified class name a line ({@code #} starts a comment).
 */
public final class OptionRegistry {

    public static final String RESOURCE = "META-INF/podflow/config-options";

    private static volatile OptionRegistry classpathRegistry;

    private final List<OptionHolder> holders;
    private final Map<String, ConfigOption<?>> optionsByKey = new HashMap<>();

    private OptionRegistry(List<OptionHolder> holders) {
        this.holders = holders.stream().sorted(Comparator.comparing(holder -> holder.holderClass().getName())).toList();
        Map<String, Class<?>> declaredBy = new HashMap<>();
        for (OptionHolder holder : this.holders) {
            for (ConfigOption<?> option : holder.options()) {
                Class<?> earlier = declaredBy.putIfAbsent(option.key(), holder.holderClass());
                if (earlier != null) {
                    throw new IllegalStateException("Option '" + option.key() + "' is declared twice, in "
                            + earlier.getName() + " and " + holder.holderClass().getName());
                }
                optionsByKey.put(option.key(), option);
            }
        }
    }

    /** Every option declared by the holders listed on the classpath of this class's loader. */
    public static List<ConfigOption<?>> all() {
        return fromClasspath().options();
    }

    /** The registry of this class's loader, discovered once. */
    public static OptionRegistry fromClasspath() {
        OptionRegistry registry = classpathRegistry;
        if (registry == null) {
            registry = discover(OptionRegistry.class.getClassLoader());
            classpathRegistry = registry;
        }
        return registry;
    }

    public static OptionRegistry discover(ClassLoader classLoader) {
        List<Class<?>> holderClasses = new ArrayList<>();
        for (String className : listedClassNames(classLoader)) {
            try {
                holderClasses.add(Class.forName(className, true, classLoader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(
                        RESOURCE + " lists " + className + ", which is not on the classpath", e);
            }
        }
        return of(holderClasses);
    }

    public static OptionRegistry of(List<Class<?>> holderClasses) {
        return new OptionRegistry(holderClasses.stream().map(OptionRegistry::read).toList());
    }

    /** Holders sorted by class name. */
    public List<OptionHolder> holders() {
        return holders;
    }

    public List<ConfigOption<?>> options() {
        return holders.stream().flatMap(holder -> holder.options().stream()).toList();
    }

    public List<OptionPrefix> prefixes() {
        return holders.stream().flatMap(holder -> holder.prefixes().stream()).toList();
    }

    public Optional<ConfigOption<?>> find(String key) {
        return Optional.ofNullable(optionsByKey.get(key));
    }

    private static OptionHolder read(Class<?> holderClass) {
        List<ConfigOption<?>> options = new ArrayList<>();
        List<OptionPrefix> prefixes = new ArrayList<>();
        for (Field field : holderClass.getFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)) {
                continue;
            }
            Object value = readField(field);
            if (value instanceof ConfigOption<?> option) {
                options.add(option);
            } else if (value instanceof OptionPrefix prefix) {
                prefixes.add(prefix);
            }
        }
        if (options.isEmpty() && prefixes.isEmpty()) {
            throw new IllegalStateException(holderClass.getName() + " is listed in " + RESOURCE
                    + " but has no public static final ConfigOption or OptionPrefix field");
        }
        options.sort(Comparator.comparing(ConfigOption::key));
        prefixes.sort(Comparator.comparing(OptionPrefix::prefix));
        return new OptionHolder(holderClass, options, prefixes);
    }

    private static Object readField(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field, e);
        }
    }

    private static Set<String> listedClassNames(ClassLoader classLoader) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Enumeration<URL> resources = classLoader.getResources(RESOURCE);
            while (resources.hasMoreElements()) {
                URL resource = resources.nextElement();
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(resource.openStream(), StandardCharsets.UTF_8))) {
                    reader.lines()
                            .map(line -> line.replaceFirst("#.*", "").strip())
                            .filter(line -> !line.isEmpty())
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE + " from the classpath", e);
        }
        return names;
    }
}
