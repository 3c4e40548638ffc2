package io.podflow.localkube.kubelet.pod;

import java.util.BitSet;
import java.util.Optional;

/**
 * Hands out loopback addresses 127.0.x.y to pods, x in 1..99 and y in 1..254, so that no pod
 * gets 127.0.0.1 or a node address (127.0.100.n). The whole 127/8 block is routed to {@code lo}
 * on Linux, so these addresses need no configuration.
 */
public final class PodIpPool {

    static final int FIRST_SUBNET = 1;
    static final int LAST_SUBNET = 99;
    private static final int HOSTS_PER_SUBNET = 254;
    private static final int SIZE = (LAST_SUBNET - FIRST_SUBNET + 1) * HOSTS_PER_SUBNET;

    private final BitSet used = new BitSet(SIZE);
    private int next;

    /** Takes the next free address, or empty when all are in use. */
    public Optional<String> allocate() {
        int free = used.nextClearBit(next);
        if (free >= SIZE) {
            free = used.nextClearBit(0);
        }
        if (free >= SIZE) {
            return Optional.empty();
        }
        used.set(free);
        // round-robin so a just-freed address is not reused at once by the next pod
        next = (free + 1) % SIZE;
        return Optional.of(addressOf(free));
    }

    /** Takes {@code ip} if it belongs to the pool and is free (a pod adopted from a previous run). */
    public boolean claim(String ip) {
        int index = indexOf(ip);
        if (index < 0 || used.get(index)) {
            return false;
        }
        used.set(index);
        return true;
    }

    /** Returns {@code ip} to the pool; unknown addresses are ignored. */
    public void release(String ip) {
        int index = indexOf(ip);
        if (index >= 0) {
            used.clear(index);
        }
    }

    public int inUse() {
        return used.cardinality();
    }

    private static String addressOf(int index) {
        return "127.0." + (FIRST_SUBNET + index / HOSTS_PER_SUBNET) + "." + (1 + index % HOSTS_PER_SUBNET);
    }

    private static int indexOf(String ip) {
        if (ip == null) {
            return -1;
        }
        String[] octets = ip.split("\\.");
        if (octets.length != 4 || !octets[0].equals("127") || !octets[1].equals("0")) {
            return -1;
        }
        try {
            int subnet = Integer.parseInt(octets[2]);
            int host = Integer.parseInt(octets[3]);
            if (subnet < FIRST_SUBNET || subnet > LAST_SUBNET || host < 1 || host > HOSTS_PER_SUBNET) {
                return -1;
            }
            return (subnet - FIRST_SUBNET) * HOSTS_PER_SUBNET + host - 1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
