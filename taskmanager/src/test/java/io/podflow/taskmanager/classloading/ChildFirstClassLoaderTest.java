package io.podflow.taskmanager.classloading;

import io.podflow.protocol.job.JobID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChildFirstClassLoaderTest {

    @TempDir
    static Path dir;
    private static Path runtimeJar;
    private static Path jobJar;

    @BeforeAll
    static void buildJars() throws Exception {
        runtimeJar = TestJars.build(dir.resolve("runtime.jar"), Map.of(
                        "com.example.Greeting", greeting("com.example", "runtime"),
                        "io.podflow.fake.Greeting", greeting("io.podflow.fake", "runtime"),
                        "com.example.OnlyInRuntime", "package com.example; public class OnlyInRuntime {}"),
                Map.of("settings.txt", "runtime"), List.of());
        jobJar = TestJars.build(dir.resolve("key-job"), Map.of(
                        "com.example.Greeting", greeting("com.example", "job"),
                        "io.podflow.fake.Greeting", greeting("io.podflow.fake", "job")),
                Map.of("settings.txt", "job"), List.of());
    }

    private static String greeting(String pkg, String text) {
        return "package " + pkg + "; public class Greeting { public static String text() { return \"" + text
                + "\"; } }";
    }

    private static URLClassLoader runtime() throws Exception {
        return new URLClassLoader(new URL[] {runtimeJar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private static ChildFirstClassLoader jobLoader(ClassLoader parent) throws Exception {
        return new ChildFirstClassLoader(new URL[] {jobJar.toUri().toURL()}, parent);
    }

    private static String textOf(ClassLoader loader, String className) throws Exception {
        return (String) loader.loadClass(className).getMethod("text").invoke(null);
    }

    @Test
    void jobClassesWinOverTheRuntimeClasspath() throws Exception {
        try (URLClassLoader runtime = runtime(); ChildFirstClassLoader job = jobLoader(runtime)) {
            assertEquals("job", textOf(job, "com.example.Greeting"));
            assertSame(job, job.loadClass("com.example.Greeting").getClassLoader());
            try (InputStream settings = job.getResourceAsStream("settings.txt")) {
                assertEquals("job", new String(settings.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void podflowAndJdkClassesAlwaysComeFromTheParent() throws Exception {
        try (URLClassLoader runtime = runtime(); ChildFirstClassLoader job = jobLoader(runtime)) {
            assertEquals("runtime", textOf(job, "io.podflow.fake.Greeting"));
            assertSame(String.class, job.loadClass("java.lang.String"));
        }
    }

    @Test
    void classesOnlyTheRuntimeHasAreFoundThere() throws Exception {
        try (URLClassLoader runtime = runtime(); ChildFirstClassLoader job = jobLoader(runtime)) {
            Class<?> type = job.loadClass("com.example.OnlyInRuntime");
            assertSame(runtime, type.getClassLoader());
            assertThrows(ClassNotFoundException.class, () -> job.loadClass("com.example.Missing"));
        }
    }

    @Test
    void eachJobGetsItsOwnLoaderUntilReleased() throws Exception {
        JobClassLoaders loaders = new JobClassLoaders(new LocalDirectoryJarProvider(dir), getClass().getClassLoader());
        JobID first = JobID.generate();
        JobID second = JobID.generate();

        ClassLoader loader = loaders.forJob(first, List.of("key-job"), "unused");
        assertSame(loader, loaders.forJob(first, List.of("key-job"), "unused"));
        assertNotSame(loader, loaders.forJob(second, List.of("key-job"), "unused"));
        assertEquals("job", textOf(loader, "com.example.Greeting"));
        loaders.release(first);
        assertNotSame(loader, loaders.forJob(first, List.of("key-job"), "unused"));
    }

    @Test
    void missingJarAndEscapingKeyAreRefused() {
        LocalDirectoryJarProvider provider = new LocalDirectoryJarProvider(dir);
        JobID job = JobID.generate();
        FileNotFoundException missing = assertThrows(FileNotFoundException.class,
                () -> provider.jarsFor(job, List.of("nope"), "unused"));
        assertTrue(missing.getMessage().startsWith("Jar 'nope' of job " + job + " is not in "), missing.getMessage());
        assertThrows(FileNotFoundException.class, () -> provider.jarsFor(job, List.of("../etc/passwd"), "unused"));
    }
}
