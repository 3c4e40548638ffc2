package io.podflow.taskmanager.classloading;

import io.podflow.protocol.job.JobID;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes a job's jars available as local files, e.g. by fetching them from the BlobServer into a cache. Called on
 * task threads, so it may block; it must be safe to call from several threads at once.
 */
public interface JarProvider {

    /** Local paths of the jars with these blob keys, in the same order. */
    List<Path> jarsFor(JobID jobId, List<String> blobKeys, String blobServerAddress) throws IOException;
}
