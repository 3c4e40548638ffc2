package io.podflow.localkube.kubelet.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PodIpPoolTest {

    @Test
    void addressesAreDistinctLoopbackAndNeverLocalhostOrANodeAddress() {
        PodIpPool pool = new PodIpPool();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 600; i++) {
            String ip = pool.allocate().orElseThrow();
            assertTrue(ip.matches("127\\.0\\.([1-9]|[1-9][0-9])\\.([1-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-4])"), ip);
            assertTrue(seen.add(ip), "allocated twice: " + ip);
        }
        assertEquals(600, pool.inUse());
    }

    @Test
    void releasedAddressIsNotHandedOutAgainImmediately() {
        PodIpPool pool = new PodIpPool();
        String first = pool.allocate().orElseThrow();
        pool.release(first);

        assertNotEquals(first, pool.allocate().orElseThrow());
        assertEquals(1, pool.inUse());
    }

    @Test
    void poolRunsOutAndRecoversAfterARelease() {
        PodIpPool pool = new PodIpPool();
        String kept = null;
        while (true) {
            var ip = pool.allocate();
            if (ip.isEmpty()) {
                break;
            }
            kept = ip.get();
        }
        assertEquals(99 * 254, pool.inUse());
        pool.release(kept);
        assertEquals(kept, pool.allocate().orElseThrow());
    }

    @Test
    void claimAdoptsAFreePoolAddressOnly() {
        PodIpPool pool = new PodIpPool();
        assertTrue(pool.claim("127.0.7.9"));
        assertFalse(pool.claim("127.0.7.9"));
        assertFalse(pool.claim("127.0.0.1"));
        assertFalse(pool.claim("127.0.100.1"));
        assertFalse(pool.claim("10.0.0.3"));
        assertFalse(pool.claim(null));
        assertEquals(1, pool.inUse());
    }
}
