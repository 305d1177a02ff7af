package org.callcentre.recording.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for recordings at rest, with the JDK's javax.crypto. Each file is
 * {@code "CCR1" | key id length (1 byte) | key id | 12-byte IV | ciphertext and 16-byte tag}; the
 * key id in the file says which configured key decrypts it, so the active key can rotate while
 * older files stay readable as long as their key is configured. The call id and part are bound in
 * as associated data. Keys come from configuration as Base64 of 32 bytes. Thread-safe.
 */
public final class RecordingCipher {

    private static final byte[] MAGIC = "CCR1".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new TreeMap<>();
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    /** @param base64Keys key id to Base64 of a 256-bit key; {@code activeKeyId} encrypts new files */
    public RecordingCipher(Map<String, String> base64Keys, String activeKeyId) {
        base64Keys.forEach((id, b64) -> {
            byte[] key = Base64.getDecoder().decode(b64.strip());
            if (key.length != 32) {
                throw new IllegalArgumentException("recording key '" + id + "' is " + key.length * 8
                        + " bits; AES-256 needs 256");
            }
            if (id.isEmpty() || id.length() > 100) {
                throw new IllegalArgumentException("recording key id '" + id + "' must be 1 to 100 characters");
            }
            keys.put(id, new SecretKeySpec(key, "AES"));
        });
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active recording key '" + activeKeyId
                    + "' is not among the configured keys " + keys.keySet());
        }
        this.activeKeyId = activeKeyId;
    }

    byte[] encrypt(StoredPart part, InputStream plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), iv, part);
            byte[] id = activeKeyId.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(MAGIC);
            out.write(id.length);
            out.write(id);
            out.write(iv);
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = plaintext.read(buffer)) > 0) {
                byte[] chunk = cipher.update(buffer, 0, n);
                if (chunk != null) {
                    out.write(chunk);
                }
            }
            out.write(cipher.doFinal());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    byte[] decrypt(StoredPart part, byte[] stored) {
        ByteBuffer in = ByteBuffer.wrap(stored);
        byte[] magic = new byte[MAGIC.length];
        if (stored.length < MAGIC.length + 1 || !Arrays.equals(in.get(magic).array(), 0, 4, MAGIC, 0, 4)) {
            throw new UnreadableRecording(part, "not an encrypted recording");
        }
        byte[] id = new byte[Byte.toUnsignedInt(in.get())];
        in.get(id);
        String keyId = new String(id, StandardCharsets.UTF_8);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new UnreadableRecording(part, "encrypted with key '" + keyId + "', which is not configured");
        }
        byte[] iv = new byte[IV_BYTES];
        in.get(iv);
        try {
            return cipher(Cipher.DECRYPT_MODE, key, iv, part).doFinal(stored, in.position(), in.remaining());
        } catch (GeneralSecurityException e) {
            throw new UnreadableRecording(part, "fails authentication (tampered, or stored under another name)");
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, StoredPart part)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(part.associatedData().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A stored recording that cannot be decrypted with the configured keys. */
    public static final class UnreadableRecording extends RuntimeException {
        UnreadableRecording(StoredPart part, String why) {
            super("recording " + part.associatedData() + " cannot be decrypted: " + why);
        }
    }
}
