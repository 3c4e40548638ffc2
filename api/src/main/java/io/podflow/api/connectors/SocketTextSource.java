package io.podflow.api.connectors;

import io.podflow.api.functions.SourceFunction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Connects to {@code host:port} and emits each line it reads until the other side closes; not parallel. */
public final class SocketTextSource implements SourceFunction<String> {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final String host;
    private final int port;
    private transient volatile Socket socket;
    private volatile boolean running = true;

    public SocketTextSource(String host, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is not a TCP port (1-65535)");
        }
        this.host = host;
        this.port = port;
    }

    @Override
    public void run(SourceContext<String> context) throws IOException, InterruptedException {
        try (Socket connection = new Socket()) {
            socket = connection;
            try {
                connection.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            } catch (IOException e) {
                throw new IOException("Cannot connect the socket source to " + host + ":" + port + " (" + e.getMessage()
                        + "); is a server such as 'nc -lk " + port + "' listening there?", e);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null && running; line = reader.readLine()) {
                context.collect(line);
            }
        } catch (IOException e) {
            if (running) {
                throw e;
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
        Socket connection = socket;
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // closing only unblocks the reading thread
            }
        }
    }
}
