import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Fetches a URL, retrying for up to a minute, and prints what the name resolved to and the body. */
public class Fetch {
    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                System.out.println("resolved " + uri.getHost() + " to "
                        + Arrays.toString(InetAddress.getAllByName(uri.getHost())));
                HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                connection.setConnectTimeout(2000);
                try (InputStream in = connection.getInputStream()) {
                    System.out.println("body=" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    return;
                }
            } catch (Exception e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                System.out.println("retrying: " + e);
                Thread.sleep(1000);
            }
        }
    }
}
