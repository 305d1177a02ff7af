package org.callcentre.recording.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RecordingStore} adapter must do. An adapter's test implements this interface,
 * supplies a fresh store encrypting with {@link #cipher()}, and shows what it keeps at rest.
 */
public interface RecordingStoreContract {

    /** A fresh, empty store encrypting with the given cipher. */
    RecordingStore store(RecordingCipher cipher);

    /** The bytes the store keeps at rest for a part (what someone reading its disk or bucket sees). */
    byte[] atRest(RecordingStore store, StoredPart part);

    /** Replaces what the store keeps at rest for a part, as someone with access to its disk or bucket could. */
    void writeAtRest(RecordingStore store, StoredPart part, byte[] bytes);

    byte[] RIFF = "RIFF....WAVEfmt the customer's voice, in plain PCM".getBytes(StandardCharsets.US_ASCII);

    @Test
    default void aStoredPartReadsBackAsItWasStored() {
        RecordingStore store = store(cipher("k1"));
        StoredPart part = new StoredPart("call-1", "customer");

        store.put(part, new ByteArrayInputStream(RIFF));

        assertThat(store.exists(part)).isTrue();
        assertThat(store.read(part)).isEqualTo(RIFF);
    }

    @Test
    default void storingAgainReplacesTheEarlierCopy() {
        RecordingStore store = store(cipher("k1"));
        StoredPart part = new StoredPart("call-1", "agent");

        store.put(part, new ByteArrayInputStream(RIFF));
        store.put(part, new ByteArrayInputStream("second".getBytes(StandardCharsets.US_ASCII)));

        assertThat(new String(store.read(part), StandardCharsets.US_ASCII)).isEqualTo("second");
    }

    @Test
    default void aPartNeverStoredIsReportedMissing() {
        RecordingStore store = store(cipher("k1"));
        StoredPart part = new StoredPart("call-404", "mixed");

        assertThat(store.exists(part)).isFalse();
        assertThatThrownBy(() -> store.read(part)).isInstanceOf(MissingRecording.class)
                .hasMessage("no stored recording call-404/mixed");
    }

    @Test
    default void recordingsAtRestAreUnreadableWithoutTheirKey() {
        RecordingStore store = store(cipher("k1"));
        StoredPart part = new StoredPart("call-1", "customer");
        store.put(part, new ByteArrayInputStream(RIFF));

        assertThat(new String(atRest(store, part), StandardCharsets.ISO_8859_1))
                .doesNotContain("RIFF").doesNotContain("customer's voice");
        RecordingStore withOtherKey = reopen(store, cipher("k2"));
        assertThatThrownBy(() -> withOtherKey.read(part))
                .isInstanceOf(RecordingCipher.UnreadableRecording.class)
                .hasMessageContaining("encrypted with key 'k1', which is not configured");
    }

    @Test
    default void afterKeyRotationOldRecordingsStayReadableAndNewOnesUseTheNewKey() {
        String k1 = randomKey();
        String k2 = randomKey();
        RecordingStore before = store(new RecordingCipher(Map.of("k1", k1), "k1"));
        StoredPart old = new StoredPart("call-old", "mixed");
        before.put(old, new ByteArrayInputStream(RIFF));

        RecordingStore after = reopen(before, new RecordingCipher(Map.of("k1", k1, "k2", k2), "k2"));
        StoredPart fresh = new StoredPart("call-new", "mixed");
        after.put(fresh, new ByteArrayInputStream(RIFF));

        assertThat(after.read(old)).isEqualTo(RIFF);
        assertThat(new String(atRest(after, fresh), StandardCharsets.ISO_8859_1)).contains("k2");
        assertThat(new String(atRest(after, old), StandardCharsets.ISO_8859_1)).contains("k1");
    }

    @Test
    default void deletingACallDeletesAllItsPartsAndNothingElse() {
        RecordingStore store = store(cipher("k1"));
        store.put(new StoredPart("call-1", "customer"), new ByteArrayInputStream(RIFF));
        store.put(new StoredPart("call-1", "agent"), new ByteArrayInputStream(RIFF));
        store.put(new StoredPart("call-2", "customer"), new ByteArrayInputStream(RIFF));

        assertThat(store.deleteCall("call-1")).isEqualTo(2);

        assertThat(store.exists(new StoredPart("call-1", "customer"))).isFalse();
        assertThat(store.exists(new StoredPart("call-1", "agent"))).isFalse();
        assertThat(store.exists(new StoredPart("call-2", "customer"))).isTrue();
        assertThat(store.deleteCall("call-1")).isZero();
    }

    @Test
    default void deletingACallLeavesACallWhoseIdMerelyStartsTheSame() {
        RecordingStore store = store(cipher("k1"));
        store.put(new StoredPart("call-1", "mixed"), new ByteArrayInputStream(RIFF));
        store.put(new StoredPart("call-10", "mixed"), new ByteArrayInputStream(RIFF));

        assertThat(store.deleteCall("call-1")).isEqualTo(1);

        assertThat(store.read(new StoredPart("call-10", "mixed"))).isEqualTo(RIFF);
    }

    @Test
    default void aTamperedRecordingIsRefusedRatherThanReadAsAudio() {
        RecordingStore store = store(cipher("k1"));
        StoredPart part = new StoredPart("call-1", "customer");
        store.put(part, new ByteArrayInputStream(RIFF));
        byte[] bytes = atRest(store, part);
        bytes[bytes.length - 20] ^= 1;
        writeAtRest(store, part, bytes);

        assertThatThrownBy(() -> store.read(part)).isInstanceOf(RecordingCipher.UnreadableRecording.class)
                .hasMessageContaining("fails authentication");
    }

    @Test
    default void aRecordingCopiedUnderAnotherCallIsRefused() {
        RecordingStore store = store(cipher("k1"));
        StoredPart original = new StoredPart("call-1", "customer");
        StoredPart copy = new StoredPart("call-2", "customer");
        store.put(original, new ByteArrayInputStream(RIFF));
        writeAtRest(store, copy, atRest(store, original));

        assertThat(store.exists(copy)).isTrue();
        assertThatThrownBy(() -> store.read(copy)).isInstanceOf(RecordingCipher.UnreadableRecording.class)
                .hasMessageContaining("fails authentication");
    }

    @Test
    default void aStoreThatTakesRecordingsPassesItsCheck() {
        RecordingStore store = store(cipher("k1"));

        store.check();

        store.put(new StoredPart("call-1", "mixed"), new ByteArrayInputStream(RIFF));
        assertThat(store.read(new StoredPart("call-1", "mixed"))).isEqualTo(RIFF);
    }

    /** The same stored data, opened with another cipher (another key configuration). */
    RecordingStore reopen(RecordingStore store, RecordingCipher cipher);

    static RecordingCipher cipher(String keyId) {
        return new RecordingCipher(Map.of(keyId, randomKey()), keyId);
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
