package io.podflow.jobmanager.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.podflow.api.program.ApplicationOptions;
import io.podflow.api.program.PackagedProgram;
import io.podflow.api.program.ProgramInvocationException;
import io.podflow.common.config.Configuration;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationProgramTest {

    @TempDir
    Path home;

    private Path usrlib;
    private Path lib;

    @BeforeEach
    void layOutHome() throws IOException {
        usrlib = Files.createDirectories(home.resolve("usrlib"));
        lib = Files.createDirectories(home.resolve("lib"));
    }

    @Test
    void theLocalJarOfPipelineJarsRunsWithItsClassArgumentsAndEveryUsrlibJarOnTheClassPath() throws Exception {
        Path job = jar(usrlib.resolve("my-job.jar"), "com/example/Job", "com.example.Job");
        Path dependency = jar(usrlib.resolve("a-dependency.jar"), "com/example/Util", null);
        Configuration config = new Configuration();
        config.setString(ApplicationOptions.JARS.key(), "local://" + job);
        config.setString(ApplicationOptions.PROGRAM_ARGUMENTS.key(), "--input;/data/in;--output;/data/out");

        PackagedProgram program = new ApplicationProgram(home).find(config);

        assertEquals(job, program.jar());
        assertEquals("com.example.Job", program.entryClass());
        assertEquals(List.of("--input", "/data/in", "--output", "/data/out"), program.arguments());
        assertEquals(List.of(job, dependency), program.userJars());
    }

    @Test
    void theMainClassOptionOverridesTheManifest() throws Exception {
        Path job = jar(usrlib.resolve("my-job.jar"), "com/example/Job", "com.example.Job");
        Configuration config = new Configuration();
        config.setString(ApplicationOptions.JARS.key(), "local://" + job);
        config.setString(ApplicationOptions.MAIN_CLASS.key(), "com.example.Other");

        assertEquals("com.example.Other", new ApplicationProgram(home).find(config).entryClass());
    }

    @Test
    void aJarThatIsNotLocalIsRefusedWithTheExpectedForm() {
        Configuration config = new Configuration();
        config.setString(ApplicationOptions.JARS.key(), "http://example.org/my-job.jar");

        ProgramInvocationException refused = assertThrows(ProgramInvocationException.class,
                () -> new ApplicationProgram(home).find(config));

        assertEquals("Application mode runs a jar that is already in the image, so the jar must be a local:// URI "
                + "of its path there, e.g. local:///opt/flink/usrlib/my-job.jar, not 'http://example.org/my-job.jar'",
                refused.getMessage());
    }

    @Test
    void withoutPipelineJarsTheJobClassNameFindsItsJarInUsrlibBeforeLib() throws Exception {
        jar(lib.resolve("old-job.jar"), "com/example/Job", null);
        Path job = jar(usrlib.resolve("job.jar"), "com/example/Job", null);
        Configuration config = new Configuration();
        config.setString(ApplicationOptions.MAIN_CLASS.key(), "com.example.Job");

        PackagedProgram program = new ApplicationProgram(home).find(config);

        assertEquals(job, program.jar());
        assertEquals("com.example.Job", program.entryClass());
    }

    @Test
    void withoutPipelineJarsAndUsrlibTheOneJarInLibNamingAnEntryClassRuns() throws Exception {
        jar(lib.resolve("podflow-runtime.jar"), "io/podflow/Runtime", null);
        Path job = jar(lib.resolve("word-count-with-dependencies.jar"), "com/example/WordCount",
                "com.example.WordCount");

        PackagedProgram program = new ApplicationProgram(home).find(new Configuration());

        assertEquals(job, program.jar());
        assertEquals("com.example.WordCount", program.entryClass());
    }

    @Test
    void twoJarsNamingEntryClassesAskForTheJobClassName() throws Exception {
        jar(usrlib.resolve("a.jar"), "com/example/A", "com.example.A");
        jar(usrlib.resolve("b.jar"), "com/example/B", "com.example.B");

        ProgramInvocationException refused = assertThrows(ProgramInvocationException.class,
                () -> new ApplicationProgram(home).find(new Configuration()));

        assertEquals("2 jars ([a.jar, b.jar]) in " + usrlib + " or " + lib + " name an entry class in their "
                + "manifest; name the job's class with --job-classname", refused.getMessage());
    }

    @Test
    void aJobClassNoJarHoldsIsReportedWithWhereToPutTheJar() {
        Configuration config = new Configuration();
        config.setString(ApplicationOptions.MAIN_CLASS.key(), "com.example.Missing");

        ProgramInvocationException refused = assertThrows(ProgramInvocationException.class,
                () -> new ApplicationProgram(home).find(config));

        assertEquals("No jar in " + usrlib + " or " + lib + " holds the entry class com.example.Missing; put the job "
                + "jar into " + usrlib, refused.getMessage());
    }

    private static Path jar(Path file, String classEntry, String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry(classEntry + ".class"));
            jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            jar.closeEntry();
        }
        return file;
    }
}
