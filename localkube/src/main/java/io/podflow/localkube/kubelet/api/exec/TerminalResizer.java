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
 * the pseudo-terminal {@code script} made for an exec: one {@code TIOCSWINSZ} ioctl sets rows and columns
 * together on the terminal the command reads from, which also sends it SIGWINCH. ({@code stty rows R cols C}
 * makes one ioctl per setting, so a command could catch the first SIGWINCH and read a size with the old
 * column count.) Perl, essential in Debian, makes the ioctl.
 */
final class TerminalResizer {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalResizer.class);
    private static final Pattern SIZE = Pattern.compile(
            "\\{[^}]*\"Width\"\\s*:\\s*(\\d+)[^}]*\"Height\"\\s*:\\s*(\\d+)[^}]*}");

    // TIOCSWINSZ in Linux's generic ioctl numbers (x86, arm); the argument is struct winsize
    private static final String SET_SIZE = "open(my $t, '+<', $ARGV[0]) or die \"$!\\n\";"
            + " ioctl($t, 0x5414, pack('S4', $ARGV[1], $ARGV[2], 0, 0)) or die \"$!\\n\"";

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
            Process resize = new ProcessBuilder("/usr/bin/perl", "-e", SET_SIZE, terminal.get().toString(),
                    Integer.toString(size.height()), Integer.toString(size.width())).redirectErrorStream(true).start();
            String problem = new String(resize.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (resize.waitFor(10, TimeUnit.SECONDS) && resize.exitValue() != 0) {
                LOG.debug("cannot resize {}: {}", terminal.get(), problem.strip());
            }
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
