package io.podflow.taskmanager.classloading;

import io.podflow.protocol.job.JobID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One user-code class loader per job on this TaskManager, created on first use from the job's jars and closed
 * when the job leaves. Task threads call it, so it is synchronized; fetching jars may take a while, but only the
 * first task of a job waits for it.
 */
public final class JobClassLoaders {

    private static final Logger LOG = LoggerFactory.getLogger(JobClassLoaders.class);

    private final JarProvider jars;
    private final ClassLoader parent;
    private final Map<JobID, ChildFirstClassLoader> loaders = new HashMap<>();

    public JobClassLoaders(JarProvider jars, ClassLoader parent) {
        this.jars = jars;
        this.parent = parent;
    }

    /** The job's class loader, fetching its jars the first time. */
    public synchronized ClassLoader forJob(JobID jobId, List<String> blobKeys, String blobServerAddress)
            throws IOException {
        ChildFirstClassLoader loader = loaders.get(jobId);
        if (loader == null) {
            List<Path> paths = jars.jarsFor(jobId, blobKeys, blobServerAddress);
            loader = new ChildFirstClassLoader(toUrls(paths), parent);
            loaders.put(jobId, loader);
        }
        return loader;
    }

    /** Closes the job's class loader; a later task of the job gets a fresh one. */
    public synchronized void release(JobID jobId) {
        ChildFirstClassLoader loader = loaders.remove(jobId);
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.warn("Could not close the class loader of job {}: {}", jobId, e.getMessage());
            }
        }
    }

    private static URL[] toUrls(List<Path> paths) throws MalformedURLException {
        URL[] urls = new URL[paths.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = paths.get(i).toUri().toURL();
        }
        return urls;
    }
}
