package io.podflow.rpc.transport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The cryptography of the connection handshake: each side proves it knows the cluster secret by an HMAC-SHA256
 * over both sides' fresh nonces. The two directions use different labels so one side's proof can never be
 * reflected back as the other's.
 */
public final class HandshakeProof {

    static final int MAGIC = 0x50464C57;
    static final byte VERSION = 1;
    static final int NONCE_BYTES = 32;
    static final int MAC_BYTES = 32;
    static final int CLIENT_HELLO_BYTES = 4 + 1 + NONCE_BYTES;
    static final int SERVER_CHALLENGE_BYTES = NONCE_BYTES + MAC_BYTES;
    static final byte ACCEPTED = 1;
    static final byte REJECTED = 0;

    private static final byte[] SERVER_LABEL = "podflow-rpc server".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLIENT_LABEL = "podflow-rpc client".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public HandshakeProof(String clusterSecret) {
        if (clusterSecret == null || clusterSecret.isEmpty()) {
            throw new IllegalArgumentException("The cluster secret must not be empty");
        }
        this.key = new SecretKeySpec(clusterSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    static byte[] newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    byte[] serverProof(byte[] clientNonce, byte[] serverNonce) {
        return mac(SERVER_LABEL, clientNonce, serverNonce);
    }

    byte[] clientProof(byte[] clientNonce, byte[] serverNonce) {
        return mac(CLIENT_LABEL, clientNonce, serverNonce);
    }

    static boolean matches(byte[] expected, byte[] received) {
        return MessageDigest.isEqual(expected, received);
    }

    private byte[] mac(byte[] label, byte[] clientNonce, byte[] serverNonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(label);
            mac.update(clientNonce);
            mac.update(serverNonce);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
