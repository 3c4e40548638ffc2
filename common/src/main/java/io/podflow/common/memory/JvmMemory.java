package io.podflow.common.memory;

import io.podflow.common.config.MemorySize;

import java.util.List;

/** What a podflow JVM may take: its heap (fixed, -Xmx equal to -Xms), metaspace and direct memory. */
public record JvmMemory(MemorySize heap, MemorySize metaspace, MemorySize directMemory) {

    /** The JVM flags, sizes in bytes as the JVM reads them. */
    public List<String> jvmArguments() {
        return List.of("-Xmx" + heap.getBytes(), "-Xms" + heap.getBytes(),
                "-XX:MaxMetaspaceSize=" + metaspace.getBytes(), "-XX:MaxDirectMemorySize=" + directMemory.getBytes());
    }
}
