package io.podflow.localkube.kubelet.env;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The decoded key/value pairs of a Secret ({@code data} is base64; {@code stringData} is plain). */
public final class SecretData {

    private SecretData() {
    }

    public static Map<String, byte[]> decode(Secret secret) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((key, value) -> values.put(key, Base64.getDecoder().decode(value)));
        }
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((key, value) -> values.put(key, value.getBytes(StandardCharsets.UTF_8)));
        }
        return values;
    }
}
