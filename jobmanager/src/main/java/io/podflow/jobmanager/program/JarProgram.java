package io.podflow.jobmanager.program;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * An uploaded jar's program: its entry class (given, else the manifest's {@code program-class} or
 * {@code Main-Class}) and arguments. {@link #invokeMain()} runs {@code main()} on a class loader over the jar whose
 * parent is the JobManager's own loader.
 */
public final class JarProgram {

    private final Path jar;
    private final String entryClass;
    private final List<String> arguments;

    private JarProgram(Path jar, String entryClass, List<String> arguments) {
        this.jar = jar;
        this.entryClass = entryClass;
        this.arguments = List.copyOf(arguments);
    }

    /** Opens the jar to find the entry class when none is given. */
    public static JarProgram of(Path jar, String entryClass, List<String> arguments) throws ProgramRunException {
        if (entryClass != null) {
            return new JarProgram(jar, entryClass, arguments);
        }
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            String fromManifest = entryClassIn(jarFile.getManifest());
            if (fromManifest == null) {
                throw new ProgramRunException("The jar " + jar.getFileName() + " names no entry class: give "
                        + "'entryClass' or set Main-Class in its manifest");
            }
            return new JarProgram(jar, fromManifest, arguments);
        } catch (IOException e) {
            throw new ProgramRunException("Cannot read the jar " + jar.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String entryClassIn(Manifest manifest) {
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

    /** Runs {@code main()} in this thread, with the jar's class loader as the context loader while it runs. */
    public void invokeMain() throws ProgramRunException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                JarProgram.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            mainMethod(loader).invoke(null, (Object) arguments.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw new ProgramRunException("The program's main() failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException | IOException e) {
            throw new ProgramRunException("Cannot run " + entryClass + ".main(): " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Method mainMethod(ClassLoader loader) throws ProgramRunException {
        Class<?> type;
        try {
            type = Class.forName(entryClass, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ProgramRunException("The entry class " + entryClass + " is not in " + jar.getFileName(), e);
        }
        try {
            Method main = type.getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers())) {
                throw new ProgramRunException("The entry class " + entryClass + " has no static main()");
            }
            return main;
        } catch (NoSuchMethodException e) {
            throw new ProgramRunException("The entry class " + entryClass + " has no public static void "
                    + "main(String[])", e);
        }
    }
}
