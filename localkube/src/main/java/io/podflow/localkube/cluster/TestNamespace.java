package io.podflow.localkube.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;

/** A namespace that belongs to one test: closing it deletes it and everything in it. */
public final class TestNamespace implements AutoCloseable {

    private final KubernetesClient client;
    private final String name;

    TestNamespace(KubernetesClient client, String name) {
        this.client = client;
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        // background deletion: the namespace controller removes the content, the test need not wait
        client.namespaces().withName(name).delete();
    }

    @Override
    public String toString() {
        return name;
    }
}
