package io.podflow.e2e.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a user starts with {@code nc -lk PORT} to feed a socket job: a text server on the host's loopback address
 * that keeps accepting connections and sends what the test types to every client. localkube's pods share the
 * host's network, so a pod reaches it at {@code 127.0.0.1} ({@code localhost}). Closing it ends every connection,
 * which ends a socket source's input.
 */
public final class LineServer implements AutoCloseable {

    private final ServerSocket listening;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    private LineServer(ServerSocket listening) {
        this.listening = listening;
        Thread acceptor = new Thread(this::acceptWhileOpen, "nc-lk-" + listening.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on {@code 127.0.0.1:port}; fails when another process holds the port. */
    public static LineServer on(int port) throws IOException {
        return new LineServer(new ServerSocket(port, 5, InetAddress.getLoopbackAddress()));
    }

    public int clients() {
        return clients.size();
    }

    /** Sends {@code lines} to every client at once, as pasted into nc. */
    public void type(List<String> lines) throws IOException {
        byte[] text = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        for (Socket client : clients) {
            OutputStream out = client.getOutputStream();
            out.write(text);
            out.flush();
        }
    }

    private void acceptWhileOpen() {
        try {
            while (!listening.isClosed()) {
                clients.add(listening.accept());
            }
        } catch (IOException closed) {
            // close() ends the accept loop
        }
    }

    @Override
    public void close() throws IOException {
        listening.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
