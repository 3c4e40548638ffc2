package io.podflow.localkube.kubelet;

import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;

/**
 * Replaces an object's whole {@code status} with a one-operation JSON patch on the status
 * subresource ({@code add} replaces an existing member): no read first, no resourceVersion, so
 * the write never conflicts with a concurrent spec change, and stale fields cannot survive as they
 * would in a merge.
 */
public final class StatusPatch {

    private StatusPatch() {
    }

    public static <T> T apply(Resource<T> resource, Object status) {
        return resource.subresource("status").patch(PatchContext.of(PatchType.JSON),
                Serialization.asJson(List.of(Map.of("op", "add", "path", "/status", "value", status))));
    }
}
