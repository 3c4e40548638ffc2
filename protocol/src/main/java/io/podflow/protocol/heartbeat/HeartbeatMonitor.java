package io.podflow.protocol.heartbeat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When each monitored peer was last heard from, and which have been silent for longer than the timeout. Times are
 * {@link System#nanoTime()} readings passed in by the caller, so the logic runs without a clock; not thread-safe,
 * meant for one endpoint's main thread.
 */
public final class HeartbeatMonitor<K> {

    private final long timeoutNanos;
    private final Map<K, Long> lastHeard = new LinkedHashMap<>();

    public HeartbeatMonitor(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    /** Starts (or restarts) watching {@code peer}, counting it as heard now. */
    public void monitor(K peer, long nowNanos) {
        lastHeard.put(peer, nowNanos);
    }

    /** Records a heartbeat; returns false, changing nothing, for a peer that is not monitored. */
    public boolean heardFrom(K peer, long nowNanos) {
        return lastHeard.computeIfPresent(peer, (key, before) -> Math.max(before, nowNanos)) != null;
    }

    public void stopMonitoring(K peer) {
        lastHeard.remove(peer);
    }

    public Set<K> peers() {
        return Set.copyOf(lastHeard.keySet());
    }

    /** Milliseconds since the peer was last heard, or -1 if it is not monitored. */
    public long millisSinceHeard(K peer, long nowNanos) {
        Long heard = lastHeard.get(peer);
        return heard == null ? -1 : Duration.ofNanos(nowNanos - heard).toMillis();
    }

    /** Removes and returns every peer silent for longer than the timeout, in the order they were first monitored. */
    public List<K> takeTimedOut(long nowNanos) {
        List<K> timedOut = new ArrayList<>();
        lastHeard.entrySet().removeIf(entry -> {
            boolean silent = nowNanos - entry.getValue() > timeoutNanos;
            if (silent) {
                timedOut.add(entry.getKey());
            }
            return silent;
        });
        return timedOut;
    }
}
