package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.callcentre.stack.RealStack;
import org.callcentre.stack.RealStackTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;

/**
 * The server configured with {@code callcentre.recording.storage.kind=s3}: a real call's
 * recording goes to the stack's S3Proxy bucket, as ciphertext, and is read back from there to be
 * transcribed and indexed; nothing of it lands in the local recordings directory.
 */
class RecordingInObjectStoreIT extends RealStackTest {

    private static final String PREFIX = "e2e-" + UUID.randomUUID() + "/";
    private static final Map<String, String> STACK = RealStack.properties();

    @DynamicPropertySource
    static void objectStore(DynamicPropertyRegistry registry) {
        registry.add("callcentre.recording.storage.kind", () -> "s3");
        registry.add("callcentre.recording.storage.s3.prefix", () -> PREFIX);
    }

    private final S3Client bucket = S3Client.builder()
            .endpointOverride(URI.create(s3("endpoint")))
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3("access-key"), s3("secret-key"))))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @AfterEach
    void close() {
        bucket.close();
    }

    @Test
    void aRealCallsRecordingIsKeptEncryptedInTheBucketAndTranscribedFromThere() throws Exception {
        String callId = placeCall("I want to return my order, the parcel arrived damaged", "3");

        JsonNode hit = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> findCall("qa", "parcel damaged", callId), h -> h != null);

        assertThat(hit.path("transcript").asString()).contains("parcel");
        List<S3Object> objects = bucket.listObjectsV2(b -> b.bucket(s3("bucket")).prefix(PREFIX + callId + "/"))
                .contents();
        assertThat(objects).extracting(S3Object::key)
                .contains(PREFIX + callId + "/customer.enc", PREFIX + callId + "/agent.enc");
        for (S3Object object : objects) {
            byte[] stored = bucket.getObjectAsBytes(b -> b.bucket(s3("bucket")).key(object.key())).asByteArray();
            assertThat(new String(stored, 0, 4, StandardCharsets.US_ASCII)).as(object.key()).isEqualTo("CCR1");
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as(object.key())
                    .doesNotContain("RIFF").doesNotContain("WAVE");
        }
        assertThat(Path.of(STACK.get("callcentre.recording.storage.dir")).resolve(callId))
                .as("nothing of the call in the local store").satisfies(dir -> assertThat(Files.exists(dir)).isFalse());
    }

    private static String s3(String name) {
        String value = STACK.get("callcentre.recording.storage.s3." + name);
        assertThat(value).as("the stack's callcentre.recording.storage.s3." + name).isNotBlank();
        return value;
    }
}
