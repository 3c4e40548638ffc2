package io.podflow.kubernetes.spec;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Owner references to the JobManager Deployment, through which deleting it deletes the whole cluster. */
public final class OwnerReferences {

    private OwnerReferences() {
    }

    /** A reference to {@code deployment} as created by the API server (it needs the server-assigned uid). */
    public static OwnerReference toDeployment(Deployment deployment) {
        String uid = deployment.getMetadata().getUid();
        if (uid == null || uid.isEmpty()) {
            throw new IllegalArgumentException("Deployment " + deployment.getMetadata().getName()
                    + " has no uid; pass the object the API server returned");
        }
        return new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment")
                .withName(deployment.getMetadata().getName()).withUid(uid).withController(true)
                .withBlockOwnerDeletion(true).build();
    }
}
