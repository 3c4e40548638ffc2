package io.podflow.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The live heap of a local JVM process, read with {@code jcmd} after a full collection. */
final class ProcessHeap {

    private static final Pattern GENERATION_USED = Pattern.compile("generation\\s+total \\d+K, used (\\d+)K");

    private ProcessHeap() {
    }

    /** Bytes the process's heap generations hold right after {@code jcmd <pid> GC.run}. */
    static long liveBytes(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        long usedKilobytes = 0;
        Matcher used = GENERATION_USED.matcher(jcmd(pid, "GC.heap_info"));
        while (used.find()) {
            usedKilobytes += Long.parseLong(used.group(1));
        }
        if (usedKilobytes == 0) {
            throw new IllegalStateException("jcmd " + pid + " GC.heap_info named no heap generation");
        }
        return usedKilobytes * 1024;
    }

    /** What {@code jcmd <pid> <command>} prints; fails when it does not succeed within a minute. */
    static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("jcmd", Long.toString(pid), command)).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
        }
        return output;
    }
}
