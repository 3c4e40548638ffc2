package io.podflow.kubernetes.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnerReferenceStepTest {

    @Test
    void podIsOwnedByTheDeploymentAsCreated() {
        Deployment created = new DeploymentBuilder().withNewMetadata().withName("s1").withUid("uid-1").endMetadata()
                .build();
        OwnerReference owner = OwnerReferences.toDeployment(created);

        List<OwnerReference> references = new OwnerReferenceStep(owner).apply(PodDraft.empty()).build().getMetadata()
                .getOwnerReferences();

        assertEquals(1, references.size());
        assertEquals("Deployment", references.get(0).getKind());
        assertEquals("apps/v1", references.get(0).getApiVersion());
        assertEquals("s1", references.get(0).getName());
        assertEquals("uid-1", references.get(0).getUid());
        assertTrue(references.get(0).getBlockOwnerDeletion());
    }

    @Test
    void aDeploymentNotYetCreatedCannotOwnAnything() {
        Deployment notCreated = new DeploymentBuilder().withNewMetadata().withName("s1").endMetadata().build();

        assertThrows(IllegalArgumentException.class, () -> OwnerReferences.toDeployment(notCreated));
    }
}
