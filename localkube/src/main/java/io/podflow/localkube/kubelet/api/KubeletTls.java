package io.podflow.localkube.kubelet.api;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;

/**
 * TLS for the kubelet API: a self-signed serving certificate made once with the JDK's {@code keytool}
 * (the API server is started without {@code --kubelet-certificate-authority}, so it does not verify it),
 * and client certificates required from the cluster CA, which signs the API server's kubelet client
 * certificate: only the API server may exec into pods.
 */
public final class KubeletTls {

    static final String KEYSTORE = "kubelet-serving.p12";
    // the keystore is protected by its file mode (0600, in the kubelet's state directory), not by this password
    private static final char[] STORE_PASSWORD = "localkube".toCharArray();

    private KubeletTls() {
    }

    public static SslContext serverContext(Path pkiDir, List<String> ips, Path clientCa) {
        Path keystore = pkiDir.resolve(KEYSTORE);
        try {
            if (!Files.exists(keystore)) {
                generate(keystore, ips);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, STORE_PASSWORD);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, STORE_PASSWORD);
            return SslContextBuilder.forServer(keys).trustManager(clientCa.toFile()).clientAuth(ClientAuth.REQUIRE)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the kubelet API certificate in " + pkiDir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the kubelet API certificate " + keystore + ": "
                    + e.getMessage() + " (delete it to have a new one made)", e);
        }
    }

    private static void generate(Path keystore, List<String> ips) throws IOException {
        Files.createDirectories(keystore.getParent(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        List<String> names = new ArrayList<>(ips);
        names.add("127.0.0.1");
        String san = names.stream().distinct().map(ip -> "ip:" + ip).collect(Collectors.joining(","))
                + ",dns:localhost";
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "kubelet", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "3650", "-dname", "CN=localkube-kubelet", "-ext", "SAN=" + san,
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", new String(STORE_PASSWORD))
                .redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating " + keystore, e);
        }
        Files.setPosixFilePermissions(keystore, PosixFilePermissions.fromString("rw-------"));
    }
}
