import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Answers every HTTP request with this pod's name; binds only its own pod IP, as every pod of a node shares a port space. */
public class EchoServer {
    public static void main(String[] args) throws Exception {
        String ip = System.getenv("POD_IP");
        int port = Integer.parseInt(args[0]);
        HttpServer server = HttpServer.create(new InetSocketAddress(ip, port), 0);
        server.createContext("/", exchange -> {
            byte[] body = System.getenv("HOSTNAME").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("serving on " + ip + ":" + port);
    }
}
