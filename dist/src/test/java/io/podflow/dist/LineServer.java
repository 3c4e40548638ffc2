package io.podflow.dist;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback text server like {@code nc -lk}: accepts connections and writes lines to every connected client. */
final class LineServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<PrintWriter> clients = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    LineServer() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptClients, "line-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int connectedClients() {
        return clients.size();
    }

    /** Writes the lines to every client and flushes them as one burst. */
    void send(List<String> lines) {
        for (PrintWriter client : clients) {
            lines.forEach(line -> client.print(line + "\n"));
            client.flush();
        }
    }

    private void acceptClients() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                clients.add(new PrintWriter(socket.getOutputStream(), false, StandardCharsets.UTF_8));
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        clients.forEach(PrintWriter::close);
    }
}
