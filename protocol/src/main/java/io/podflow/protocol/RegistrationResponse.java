package io.podflow.protocol;

import java.util.UUID;

/**
 * The ResourceManager's answer to a registration: accepted, with the id of this registration and of the
 * ResourceManager (a new ResourceManager instance means re-register), or rejected with a reason for people.
 */
public record RegistrationResponse(boolean accepted, UUID registrationId, ResourceID resourceManagerId,
        String rejectionReason) {

    public static RegistrationResponse success(UUID registrationId, ResourceID resourceManagerId) {
        return new RegistrationResponse(true, registrationId, resourceManagerId, null);
    }

    public static RegistrationResponse rejected(String reason) {
        return new RegistrationResponse(false, null, null, reason);
    }
}
