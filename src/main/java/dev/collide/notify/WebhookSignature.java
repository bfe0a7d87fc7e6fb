package dev.collide.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JSON webhook's signature: {@code X-Collide-Signature: sha256=<hex>} where hex is
 * HMAC-SHA256(secret, timestamp + "." + body) over the exact body bytes and {@code X-Collide-Timestamp} (Unix
 * seconds). Signing the timestamp lets a receiver refuse replays older than a few minutes.
 */
public final class WebhookSignature {
    public static final String SIGNATURE_HEADER = "X-Collide-Signature";
    public static final String TIMESTAMP_HEADER = "X-Collide-Timestamp";
    public static final String DELIVERY_HEADER = "X-Collide-Delivery";

    private WebhookSignature() {
    }

    /** "sha256=" followed by the lowercase hex HMAC. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    /** What a receiver does: recompute and compare in constant time. */
    public static boolean verify(String secret, long timestamp, String body, String header) {
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8);
        return header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
    }
}
