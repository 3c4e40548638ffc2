package io.podflow.api.program;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A user's job jar with its entry class and arguments: the entry class is {@code -c}'s, else the manifest's
 * {@code program-class} or {@code Main-Class}. {@link #invoke()} runs its {@code main()} on a class loader that
 * sees the jar on top of podflow's own classes.
 */
public final class PackagedProgram {

    private final Path jar;
    private final String entryClass;
    private final List<String> arguments;
    private final List<Path> classpath;

    private PackagedProgram(Path jar, String entryClass, List<String> arguments, List<Path> classpath) {
        this.jar = jar;
        this.entryClass = entryClass;
        this.arguments = List.copyOf(arguments);
        this.classpath = List.copyOf(classpath);
    }

    /** Checks the jar and finds its entry class; every problem is one {@link ProgramInvocationException} line. */
    public static PackagedProgram of(Path jar, String entryClass, List<String> arguments)
            throws ProgramInvocationException {
        return of(jar, entryClass, arguments, List.of());
    }

    /**
     * Like {@link #of(Path, String, List)}, with more jars the program's classes may use (e.g. the image's
     * {@code usrlib/}), loaded after the job jar.
     */
    public static PackagedProgram of(Path jar, String entryClass, List<String> arguments, List<Path> classpath)
            throws ProgramInvocationException {
        if (!Files.isRegularFile(jar)) {
            throw new ProgramInvocationException("The job jar " + jar + " does not exist");
        }
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            String entry = entryClass != null ? entryClass : entryClassFromManifest(jarFile.getManifest());
            if (entry == null) {
                throw new ProgramInvocationException("The jar " + jar + " names no entry class: give one (-c on "
                        + "the command line, entryClass over REST) or set Main-Class in its manifest");
            }
            return new PackagedProgram(jar, entry, arguments, classpath.stream()
                    .filter(other -> !other.equals(jar)).toList());
        } catch (IOException e) {
            throw new ProgramInvocationException("The file " + jar + " is not a jar: " + e.getMessage(), e);
        }
    }

    private static String entryClassFromManifest(Manifest manifest) {
        if (manifest == null) {
            return null;
        }
        Attributes attributes = manifest.getMainAttributes();
        String programClass = attributes.getValue("program-class");
        return programClass != null ? programClass : attributes.getValue(Attributes.Name.MAIN_CLASS);
    }

    public Path jar() {
        return jar;
    }

    public String entryClass() {
        return entryClass;
    }

    public List<String> arguments() {
        return arguments;
    }

    /** The job jar followed by the other jars on the program's class path: what the TaskManagers need too. */
    public List<Path> userJars() {
        List<Path> jars = new ArrayList<>();
        jars.add(jar);
        jars.addAll(classpath);
        return jars;
    }

    /** Runs the entry class's {@code main()} in this thread with the jar's class loader as context loader. */
    public void invoke() throws ProgramInvocationException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(classpathUrls(), getClass().getClassLoader())) {
            thread.setContextClassLoader(loader);
            mainMethod(loader).invoke(null, (Object) arguments.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ProgramInvocationException("The program's main() failed: " + cause, cause);
        } catch (IllegalAccessException | IOException e) {
            throw new ProgramInvocationException("Cannot run " + entryClass + ".main(): " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private URL[] classpathUrls() throws ProgramInvocationException {
        List<Path> jars = userJars();
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new ProgramInvocationException("Cannot turn " + jars.get(i) + " into a class path entry", e);
            }
        }
        return urls;
    }

    private Method mainMethod(ClassLoader loader) throws ProgramInvocationException {
        Class<?> type;
        try {
            type = Class.forName(entryClass, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ProgramInvocationException("The entry class " + entryClass + " is not in " + jar, e);
        }
        try {
            Method main = type.getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers())) {
                throw new ProgramInvocationException("The entry class " + entryClass + " has no static main()");
            }
            return main;
        } catch (NoSuchMethodException e) {
            throw new ProgramInvocationException("The entry class " + entryClass + " has no public static "
                    + "void main(String[])", e);
        }
    }
}
