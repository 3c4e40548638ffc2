package io.podflow.rpc;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/** A {@link PeerMain} running in its own JVM, started with this JVM's test classpath. */
final class PeerProcess implements AutoCloseable {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private PeerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "peer-output");
        reader.setDaemon(true);
        reader.start();
    }

    static PeerProcess start(String secret, UUID leaderToken) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                PeerMain.class.getName(), secret, leaderToken.toString())
                .redirectErrorStream(true)
                .start();
        return new PeerProcess(process);
    }

    /** Waits for the peer to listen and returns its {@code host:port}. */
    String awaitAddress() {
        await().atMost(Duration.ofSeconds(60)).until(() -> readyLine() != null || !process.isAlive());
        String ready = readyLine();
        if (ready == null) {
            throw new IllegalStateException("Peer process exited before it was ready: " + output);
        }
        return ready.substring("READY ".length());
    }

    private String readyLine() {
        return output.stream().filter(line -> line.startsWith("READY ")).findFirst().orElse(null);
    }

    /** Closes the peer's stdin, which makes it shut its RPC service down and exit. */
    void stopGracefully() throws IOException {
        process.getOutputStream().close();
    }

    void kill() {
        process.destroyForcibly();
    }

    Process process() {
        return process;
    }

    List<String> output() {
        return output;
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
            }
        } catch (IOException e) {
            output.add("(output stream failed: " + e + ")");
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
