package io.podflow.bench.nativesession;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The floor's pod process: a JVM that binds the TaskManager RPC port (6122) on the pod's IP ({@code POD_IP}) and
 * accepts connections (the readiness probe's) until it is stopped, and does nothing else.
 */
public final class PortHolder {

    static final int PORT = 6122;

    private PortHolder() {
    }

    public static void main(String[] args) throws IOException {
        String host = System.getenv().getOrDefault("POD_IP", "0.0.0.0");
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(host, PORT));
            while (true) {
                try (Socket probe = server.accept()) {
                    // a TCP probe only needs the connection to open
                }
            }
        }
    }
}
