package io.podflow.kubernetes.resourcemanager;

/** Where a TaskManager pod is in its life, as far as the ResourceManager's driver knows. */
public enum WorkerPodPhase {
    /** Creation was asked for and accepted; the informer has not shown the pod yet. */
    REQUESTED,
    /** The creation failed in a way a retry may mend (no answer, a server error). */
    CREATE_FAILED,
    /**
     * The API server refused the pod (a 4xx such as 403 Forbidden or 422 Invalid): the same spec would be refused
     * again, so no pod is created until the demand changes.
     */
    CREATE_REFUSED,
    /** Seen, not running yet: waiting for a node, pulling the image, starting. */
    PENDING,
    /** Its container runs. */
    RUNNING,
    /** Succeeded, failed, or being deleted by someone else: it will not run again. */
    TERMINATED,
    /** Seen before and now gone from the API server. */
    GONE
}
