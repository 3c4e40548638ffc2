package io.podflow.jobmanager.program;

import io.podflow.api.program.ApplicationOptions;
import io.podflow.api.program.LocalJarUri;
import io.podflow.api.program.PackagedProgram;
import io.podflow.api.program.ProgramInvocationException;
import io.podflow.common.config.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Finds the program an application cluster runs, in the image: the jar {@code pipeline.jars} names (a
 * {@code local://} URI), or else, for a standalone job cluster, the one jar in {@code usrlib/} (then {@code lib/})
 * that holds the entry class or names one in its manifest. Every jar in {@code usrlib/} is on the program's class
 * path.
 */
public final class ApplicationProgram {

    private final Path userLibDir;
    private final Path libDir;

    /** @param home {@code $FLINK_HOME}, holding {@code usrlib/} and {@code lib/} */
    public ApplicationProgram(Path home) {
        this.userLibDir = home.resolve("usrlib");
        this.libDir = home.resolve("lib");
    }

    /**
     * The program {@code config} describes (see {@link ApplicationOptions}).
     *
     * @throws ProgramInvocationException with one line for people when the jar or the entry class cannot be found
     */
    public PackagedProgram find(Configuration config) throws ProgramInvocationException {
        String entryClass = config.get(ApplicationOptions.MAIN_CLASS);
        List<String> arguments = config.get(ApplicationOptions.PROGRAM_ARGUMENTS);
        List<Path> userJars = jarsIn(userLibDir);
        Optional<List<String>> configured = config.getOptional(ApplicationOptions.JARS);
        Path jar;
        if (configured.isPresent()) {
            jar = onlyJar(configured.get());
        } else {
            jar = entryClass != null ? jarHolding(entryClass, userJars) : jarNamingAnEntryClass(userJars);
        }
        return PackagedProgram.of(jar, entryClass, arguments, userJars);
    }

    private static Path onlyJar(List<String> uris) throws ProgramInvocationException {
        if (uris.size() != 1) {
            throw new ProgramInvocationException(ApplicationOptions.JARS.key() + " must name exactly one job jar, "
                    + "not " + uris.size() + ": " + uris);
        }
        try {
            return LocalJarUri.toPath(uris.get(0));
        } catch (IllegalArgumentException e) {
            throw new ProgramInvocationException(e.getMessage(), e);
        }
    }

    private Path jarHolding(String entryClass, List<Path> userJars) throws ProgramInvocationException {
        String entry = entryClass.replace('.', '/') + ".class";
        for (Path jar : concat(userJars, jarsIn(libDir))) {
            try (JarFile file = new JarFile(jar.toFile())) {
                if (file.getEntry(entry) != null) {
                    return jar;
                }
            } catch (IOException e) {
                throw new ProgramInvocationException("Cannot read " + jar + ": " + e.getMessage(), e);
            }
        }
        throw new ProgramInvocationException("No jar in " + userLibDir + " or " + libDir + " holds the entry class "
                + entryClass + "; put the job jar into " + userLibDir);
    }

    private Path jarNamingAnEntryClass(List<Path> userJars) throws ProgramInvocationException {
        List<Path> candidates = withEntryClass(userJars);
        if (candidates.isEmpty()) {
            candidates = withEntryClass(jarsIn(libDir));
        }
        if (candidates.size() != 1) {
            throw new ProgramInvocationException((candidates.isEmpty() ? "No jar" : candidates.size() + " jars ("
                    + candidates.stream().map(path -> path.getFileName().toString()).toList() + ")")
                    + " in " + userLibDir + " or " + libDir + " name an entry class in their manifest; "
                    + "name the job's class with --job-classname");
        }
        return candidates.get(0);
    }

    private static List<Path> withEntryClass(List<Path> jars) throws ProgramInvocationException {
        List<Path> found = new ArrayList<>();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                if (manifest != null && (manifest.getMainAttributes().getValue("program-class") != null
                        || manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS) != null)) {
                    found.add(jar);
                }
            } catch (IOException e) {
                throw new ProgramInvocationException("Cannot read " + jar + ": " + e.getMessage(), e);
            }
        }
        return found;
    }

    private static List<Path> jarsIn(Path dir) throws ProgramInvocationException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ProgramInvocationException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> concat(List<Path> first, List<Path> second) {
        List<Path> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
