package io.podflow.kubernetes.resourcemanager;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the pod events a watcher reports, for tests to wait on. */
final class RecordingPodEvents implements KubernetesPodWatcher.PodEvents {

    final List<String> changed = new CopyOnWriteArrayList<>();
    final List<String> deleted = new CopyOnWriteArrayList<>();

    @Override
    public void podChanged(Pod pod) {
        changed.add(pod.getMetadata().getName());
    }

    @Override
    public void podDeleted(Pod pod) {
        deleted.add(pod.getMetadata().getName());
    }
}
