package io.podflow.kubernetes.client;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;

/** A failed Kubernetes API call, with a one-line message saying what failed and, where known, what to do. */
public final class KubernetesApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;

    private KubernetesApiException(String message, int code, Throwable cause) {
        super(message, cause);
        // fabric8 reports -1 or 0 when no HTTP answer came back
        this.code = Math.max(0, code);
    }

    /** The HTTP status the API server answered with, or 0 when it was not reached. */
    public int code() {
        return code;
    }

    public boolean isForbidden() {
        return code == HttpURLConnection.HTTP_FORBIDDEN;
    }

    public static KubernetesApiException from(KubernetesClientException cause, ApiCall call) {
        return new KubernetesApiException(describe(cause, call), cause.getCode(), cause);
    }

    /** The API server at {@code server} could not be reached at all. */
    public static KubernetesApiException unreachable(String server, KubernetesClientException cause) {
        return new KubernetesApiException("Cannot reach the Kubernetes API server at " + server + ": "
                + rootMessage(cause) + "; check kubernetes.config.file, KUBECONFIG or ~/.kube/config "
                + "(kubectl cluster-info shows which server they name)", cause.getCode(), cause);
    }

    static String describe(KubernetesClientException cause, ApiCall call) {
        String what = call.verb() + " " + call.resource() + " in namespace '" + call.namespace() + "'";
        if (cause.getCode() <= 0) {
            return "Cannot reach the Kubernetes API server to " + what + ": " + rootMessage(cause);
        }
        return switch (cause.getCode()) {
            case HttpURLConnection.HTTP_FORBIDDEN -> call.serviceAccount() == null
                    ? "Kubernetes does not allow your kubeconfig's user to " + what + " (403 Forbidden): "
                            + statusMessage(cause)
                    : "Kubernetes does not allow service account '"
                    + call.serviceAccount() + "' to " + what + " (403 Forbidden); grant it the rights with: "
                    + "kubectl create clusterrolebinding " + bindingName(call) + " --clusterrole=edit "
                    + "--serviceaccount=" + call.namespace() + ":" + call.serviceAccount();
            case HttpURLConnection.HTTP_UNAUTHORIZED -> "Kubernetes did not accept the credentials used to " + what
                    + " (401 Unauthorized); check the kubeconfig's user or the service account token";
            default -> "Kubernetes refused to " + what + " (" + cause.getCode() + "): " + statusMessage(cause);
        };
    }

    private static String bindingName(ApiCall call) {
        return "podflow-" + call.namespace() + "-" + call.serviceAccount();
    }

    private static String statusMessage(KubernetesClientException cause) {
        if (cause.getStatus() != null && cause.getStatus().getMessage() != null) {
            return cause.getStatus().getMessage();
        }
        return rootMessage(cause);
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return message.lines().findFirst().orElse(message);
    }
}
