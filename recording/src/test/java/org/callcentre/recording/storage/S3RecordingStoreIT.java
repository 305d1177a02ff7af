package org.callcentre.recording.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.callcentre.recording.RecordingProperties;
import org.callcentre.recording.SilentServer;
import org.callcentre.recording.stack.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 adapter against a real S3-compatible server: the stack instance's S3Proxy, started by
 * deploy/stack/stack.sh (the test fails with the script's reason when it cannot start). Each test
 * has its own object-name prefix in the instance's bucket, so it starts from an empty store.
 */
class S3RecordingStoreIT implements RecordingStoreContract {

    private static final String S3 = "callcentre.recording.storage.s3.";

    private final Properties stack = TestStack.objectStore();
    private final String prefix = "it-" + UUID.randomUUID() + "/";
    private final List<S3RecordingStore> opened = new ArrayList<>();
    private final S3Client bucket = S3Client.builder()
            .endpointOverride(URI.create(setting("endpoint")))
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(setting("access-key"), setting("secret-key"))))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @AfterEach
    void close() {
        opened.forEach(S3RecordingStore::close);
        bucket.close();
    }

    @Override
    public RecordingStore store(RecordingCipher cipher) {
        return open(setting("bucket"), setting("access-key"), setting("secret-key"), cipher).verified();
    }

    @Override
    public RecordingStore reopen(RecordingStore store, RecordingCipher cipher) {
        return store(cipher);
    }

    @Override
    public byte[] atRest(RecordingStore store, StoredPart part) {
        return bucket.getObjectAsBytes(b -> b.bucket(setting("bucket")).key(key(store, part))).asByteArray();
    }

    @Override
    public void writeAtRest(RecordingStore store, StoredPart part, byte[] bytes) {
        bucket.putObject(b -> b.bucket(setting("bucket")).key(key(store, part)), RequestBody.fromBytes(bytes));
    }

    @Test
    void objectsAreNamedByCallAndPartUnderThePrefix() {
        RecordingStore store = store(RecordingStoreContract.cipher("k1"));
        store.put(new StoredPart("call-1", "customer"), new ByteArrayInputStream(RIFF));

        assertThat(bucket.listObjectsV2(b -> b.bucket(setting("bucket")).prefix(prefix)).contents())
                .extracting(o -> o.key()).containsExactly(prefix + "call-1/customer.enc");
    }

    @Test
    void aBucketThatDoesNotExistIsReportedAtStartUp() {
        S3RecordingStore store = open("no-such-bucket", setting("access-key"), setting("secret-key"),
                RecordingStoreContract.cipher("k1"));

        assertThatThrownBy(store::verified).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the recording bucket 'no-such-bucket' cannot be used: HTTP 404");
    }

    @Test
    void wrongCredentialsAreReportedAtStartUp() {
        S3RecordingStore store = open(setting("bucket"), setting("access-key"), "not-the-secret",
                RecordingStoreContract.cipher("k1"));

        assertThatThrownBy(store::verified).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be used: HTTP 403");
    }

    @Test
    void anUnreachableStoreIsAnErrorNotAMissingRecording() {
        S3RecordingStore store = new S3RecordingStore(new RecordingProperties.S3(URI.create("http://127.0.0.1:1"),
                "us-east-1", setting("bucket"), prefix, true, "a", "b", Duration.ofSeconds(5)),
                RecordingStoreContract.cipher("k1"));
        opened.add(store);

        assertThatThrownBy(() -> store.read(new StoredPart("call-1", "mixed")))
                .isInstanceOf(RecordingStoreUnavailable.class)
                .hasMessageStartingWith("cannot read recording call-1/mixed");
    }

    @Test
    void aStoreThatDoesNotAnswerFailsItsCheckWithinTheCheckTimeout() throws Exception {
        try (SilentServer hung = new SilentServer()) {
            S3RecordingStore store = new S3RecordingStore(new RecordingProperties.S3(hung.url(), "us-east-1",
                    setting("bucket"), prefix, true, "a", "b", Duration.ofMillis(500)),
                    RecordingStoreContract.cipher("k1"));
            opened.add(store);
            long started = System.nanoTime();

            assertThatThrownBy(store::check).isInstanceOf(RecordingStoreUnavailable.class)
                    .hasMessageStartingWith("the recording bucket '" + setting("bucket") + "' cannot be used");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    private S3RecordingStore open(String bucketName, String accessKey, String secretKey, RecordingCipher cipher) {
        S3RecordingStore store = new S3RecordingStore(new RecordingProperties.S3(URI.create(setting("endpoint")),
                "us-east-1", bucketName, prefix, true, accessKey, secretKey, Duration.ofSeconds(5)), cipher);
        opened.add(store);
        return store;
    }

    private static String key(RecordingStore store, StoredPart part) {
        return ((S3RecordingStore) store).key(part);
    }

    private String setting(String name) {
        String value = stack.getProperty(S3 + name);
        if (value == null) {
            throw new AssertionError("the stack's properties have no " + S3 + name + ": is deploy/stack/stack.sh "
                    + "up to date?");
        }
        return value;
    }
}
