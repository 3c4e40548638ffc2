package io.podflow.taskmanager.classloading;

import io.podflow.protocol.job.JobID;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds each jar as the file named by its blob key in one directory; for tests and single-machine setups. */
public final class LocalDirectoryJarProvider implements JarProvider {

    private final Path directory;

    public LocalDirectoryJarProvider(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public List<Path> jarsFor(JobID jobId, List<String> blobKeys, String blobServerAddress)
            throws FileNotFoundException {
        List<Path> jars = new ArrayList<>(blobKeys.size());
        for (String key : blobKeys) {
            Path jar = directory.resolve(key).normalize();
            if (!jar.startsWith(directory) || !Files.isRegularFile(jar)) {
                throw new FileNotFoundException("Jar '" + key + "' of job " + jobId + " is not in " + directory);
            }
            jars.add(jar);
        }
        return jars;
    }
}
