package io.podflow.localkube.kubelet.exposure;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives each LoadBalancer Service its own loopback address from {@code 127.0.200.1-254} (outside the
 * pod range 127.0.1-99.x, the node addresses 127.0.100.x and the cluster IPs 127.96/16). An address a
 * Service already shows in its status is kept, so a kubelet restart does not move it.
 */
public final class LoadBalancerAddresses {

    static final String PREFIX = "127.0.200.";
    private static final int FIRST = 1;
    private static final int LAST = 254;

    private final Map<String, String> byService = new HashMap<>();

    /** The address of {@code serviceKey}, empty when all are taken. */
    public Optional<String> addressFor(String serviceKey, Optional<String> published) {
        String assigned = byService.get(serviceKey);
        if (assigned != null) {
            return Optional.of(assigned);
        }
        Optional<String> address = published.filter(ip -> inRange(ip) && !byService.containsValue(ip))
                .or(this::firstFree);
        address.ifPresent(ip -> byService.put(serviceKey, ip));
        return address;
    }

    /** Frees the addresses of services not in {@code current}. */
    public void retainOnly(Set<String> current) {
        byService.keySet().retainAll(current);
    }

    private Optional<String> firstFree() {
        for (int host = FIRST; host <= LAST; host++) {
            String ip = PREFIX + host;
            if (!byService.containsValue(ip)) {
                return Optional.of(ip);
            }
        }
        return Optional.empty();
    }

    static boolean inRange(String ip) {
        if (!ip.startsWith(PREFIX)) {
            return false;
        }
        try {
            int host = Integer.parseInt(ip.substring(PREFIX.length()));
            return host >= FIRST && host <= LAST;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
