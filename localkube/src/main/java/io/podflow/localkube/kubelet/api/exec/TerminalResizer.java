package io.podflow.localkube.kubelet.api.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies kubectl's terminal sizes (JSON {@code {"Width":W,"Height":H}} messages on the resize stream) to
 * the pseudo-terminal {@code script} made for an exec: {@code stty} sets the size on the terminal the
 * command reads from, which also sends it SIGWINCH.
 */
final class TerminalResizer {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalResizer.class);
    private static final Pattern SIZE = Pattern.compile(
            "\\{[^}]*\"Width\"\\s*:\\s*(\\d+)[^}]*\"Height\"\\s*:\\s*(\\d+)[^}]*}");

    private final StringBuilder pending = new StringBuilder();

    /** A terminal size in columns and rows. */
    record Size(int width, int height) {
    }

    /** Adds resize-stream text; returns the complete sizes it finished, oldest first. */
    List<Size> read(String text) {
        pending.append(text);
        List<Size> sizes = new ArrayList<>();
        Matcher matcher = SIZE.matcher(pending);
        int consumed = 0;
        while (matcher.find()) {
            sizes.add(new Size(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
            consumed = matcher.end();
        }
        pending.delete(0, consumed);
        return sizes;
    }

    /** Sets {@code size} on the terminal of the command under {@code exec}; false while there is none yet. */
    static boolean apply(ProcessHandle exec, Size size) {
        Optional<Path> terminal = exec.descendants().map(process -> Path.of("/proc", Long.toString(process.pid()), "fd", "0"))
                .filter(TerminalResizer::isTerminal).findFirst();
        if (terminal.isEmpty()) {
            return false;
        }
        try {
            Process stty = new ProcessBuilder("stty", "-F", terminal.get().toString(), "rows",
                    Integer.toString(size.height()), "cols", Integer.toString(size.width())).redirectErrorStream(true).start();
            stty.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            stty.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.debug("cannot resize {}: {}", terminal.get(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    private static boolean isTerminal(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString().startsWith("/dev/pts/");
        } catch (IOException e) {
            return false;
        }
    }
}
