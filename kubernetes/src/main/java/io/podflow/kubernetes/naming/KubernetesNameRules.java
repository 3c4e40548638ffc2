package io.podflow.kubernetes.naming;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The Kubernetes naming rules podflow checks before anything is created, each answering with what is wrong. */
public final class KubernetesNameRules {

    /** Room for {@code -taskmanager-<attempt>-<n>} behind a cluster id within a 63-character pod name. */
    public static final int MAX_CLUSTER_ID_LENGTH = 45;

    private static final int MAX_LABEL_LENGTH = 63;
    private static final int MAX_SUBDOMAIN_LENGTH = 253;
    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private KubernetesNameRules() {
    }

    /** Why {@code clusterId} cannot name a cluster, or empty when it can. */
    public static Optional<String> clusterIdProblem(String clusterId) {
        if (clusterId.length() > MAX_CLUSTER_ID_LENGTH) {
            return Optional.of("is " + clusterId.length() + " characters long; at most " + MAX_CLUSTER_ID_LENGTH
                    + " are allowed so that TaskManager pod names stay within 63");
        }
        if (!DNS_1035_LABEL.matcher(clusterId).matches()) {
            return Optional.of("is not a DNS-1035 label: use lower-case letters, digits and '-', starting with a "
                    + "letter and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** Why {@code name} cannot name a Secret (or another object named by a DNS-1123 subdomain), or empty. */
    public static Optional<String> objectNameProblem(String name) {
        if (name.isEmpty() || name.length() > MAX_SUBDOMAIN_LENGTH) {
            return Optional.of("must be 1 to " + MAX_SUBDOMAIN_LENGTH + " characters long");
        }
        if (!DNS_1123_SUBDOMAIN.matcher(name).matches()) {
            return Optional.of("is not a DNS-1123 subdomain: use lower-case letters, digits, '-' and '.', starting "
                    + "and ending with a letter or digit (e.g. '" + suggestion(name) + "')");
        }
        return Optional.empty();
    }

    /** Whether {@code value} is at most 63 characters, as label values and DNS labels must be. */
    public static boolean fitsLabel(String value) {
        return value.length() <= MAX_LABEL_LENGTH;
    }

    private static String suggestion(String name) {
        String lowered = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        return lowered.replaceAll("^[^a-z0-9]+", "").replaceAll("[^a-z0-9]+$", "");
    }
}
