package io.podflow.localkube.kubelet.api.exec;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;

/**
 * What the error stream carries at the end of an exec. Protocol v4 sends a {@code metav1.Status}: Success,
 * or Failure with reason {@code NonZeroExitCode} and the exit code as an {@code ExitCode} cause (kubectl
 * exits with it); older protocols send only a failure's message as text.
 */
public final class ExecStatus {

    static final String V4 = "v4.channel.k8s.io";

    private ExecStatus() {
    }

    public static byte[] ofExit(String protocol, int exitCode) {
        if (exitCode == 0) {
            return V4.equals(protocol) ? json(new StatusBuilder().withStatus("Success").build()) : new byte[0];
        }
        String message = "command terminated with non-zero exit code: exit status " + exitCode;
        if (!V4.equals(protocol)) {
            return message.getBytes(StandardCharsets.UTF_8);
        }
        return json(new StatusBuilder().withStatus("Failure").withMessage(message).withReason("NonZeroExitCode")
                .withNewDetails().addNewCause().withReason("ExitCode").withMessage(Integer.toString(exitCode))
                .endCause().endDetails().build());
    }

    public static byte[] ofError(String protocol, String message) {
        if (!V4.equals(protocol)) {
            return message.getBytes(StandardCharsets.UTF_8);
        }
        return json(new StatusBuilder().withStatus("Failure").withMessage(message).withReason("InternalError").build());
    }

    private static byte[] json(Status status) {
        return Serialization.asJson(status).getBytes(StandardCharsets.UTF_8);
    }
}
