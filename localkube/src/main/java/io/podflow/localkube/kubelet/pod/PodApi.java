package io.podflow.localkube.kubelet.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;

/** The two writes a kubelet makes to pods: report status, and remove a pod whose containers all ended. */
public interface PodApi {

    void patchStatus(Pod pod, PodStatus status);

    void deleteNow(Pod pod);
}
