package io.podflow.kubernetes.resourcemanager;

/** Where a TaskManager pod is in its life, as far as the ResourceManager's driver knows. */
public enum WorkerPodPhase {
    /** Creation was asked for and accepted; the informer has not shown the pod yet. */
    REQUESTED,
    /** The API server refused or failed the creation. */
    CREATE_FAILED,
    /** Seen, not running yet: waiting for a node, pulling the image, starting. */
    PENDING,
    /** Its container runs. */
    RUNNING,
    /** Succeeded, failed, or being deleted by someone else: it will not run again. */
    TERMINATED,
    /** Seen before and now gone from the API server. */
    GONE
}
