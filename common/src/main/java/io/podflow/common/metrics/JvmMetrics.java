package io.podflow.common.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The JVM's heap, under Flink's names ({@code Status.JVM.Memory.Heap.Used}, {@code .Committed}, {@code .Max}). */
public final class JvmMetrics {

    private JvmMetrics() {
    }

    public static void register(MetricGroup process) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        process.gauge("Status.JVM.Memory.Heap.Used", () -> memory.getHeapMemoryUsage().getUsed());
        process.gauge("Status.JVM.Memory.Heap.Committed", () -> memory.getHeapMemoryUsage().getCommitted());
        process.gauge("Status.JVM.Memory.Heap.Max", () -> memory.getHeapMemoryUsage().getMax());
    }
}
