package org.callcentre.recording.storage;

import java.io.InputStream;
import java.time.Duration;
import org.callcentre.recording.RecordingProperties;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link RecordingStore} in an S3-compatible object store (AWS S3, MinIO, Ceph, S3Proxy, ...):
 * object {@code <prefix><call id>/<part>.enc} in one bucket. Encryption stays in this
 * application ({@link RecordingCipher}): what reaches the bucket is already AES-256-GCM
 * ciphertext naming its key id, byte for byte the format of the local store, so the object store
 * and whoever runs it never see audio. An object is written by a single PUT, which the store
 * makes visible whole or not at all. Thread-safe; {@link #close()} releases the HTTP client.
 */
public final class S3RecordingStore implements RecordingStore, AutoCloseable {

    private static final String SUFFIX = ".enc";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final RecordingCipher cipher;
    private final Duration checkTimeout;

    /** @param config where the bucket is and how to reach it ({@code callcentre.recording.storage.s3.*}) */
    public S3RecordingStore(RecordingProperties.S3 config, RecordingCipher cipher) {
        this.bucket = config.bucket();
        this.prefix = config.prefix() == null ? "" : config.prefix();
        this.cipher = cipher;
        this.checkTimeout = config.checkTimeout();
        var builder = S3Client.builder()
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyleAccess())
                .credentialsProvider(credentials(config.accessKey(), config.secretKey()))
                // checksums only where S3 requires them: not every S3-compatible store knows the newer ones
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build());
        if (config.endpoint() != null) {
            builder.endpointOverride(config.endpoint());
        }
        this.s3 = builder.build();
    }

    /** The given key, or the SDK's default chain (environment, profile, instance role) without one. */
    private static AwsCredentialsProvider credentials(String accessKey, String secretKey) {
        if (accessKey == null || accessKey.isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    /**
     * Checks that the bucket exists and the credentials may use it, so a wrong setting stops the
     * server at start-up rather than at the first recording.
     */
    public S3RecordingStore verified() {
        try {
            check();
            return this;
        } catch (RecordingStoreUnavailable e) {
            throw new IllegalStateException(e.getMessage() + " (check callcentre.recording.storage.s3.*)", e);
        }
    }

    /** A HEAD of the bucket, given up after {@code check-timeout}. */
    @Override
    public void check() {
        try {
            s3.headBucket(b -> b.bucket(bucket).overrideConfiguration(o -> o.apiCallTimeout(checkTimeout)));
        } catch (SdkException e) {
            throw new RecordingStoreUnavailable("the recording bucket '" + bucket + "' cannot be used: " + reason(e),
                    e);
        }
    }

    @Override
    public void put(StoredPart part, InputStream plaintext) {
        byte[] encrypted = cipher.encrypt(part, plaintext);
        try {
            s3.putObject(b -> b.bucket(bucket).key(key(part)).contentType("application/octet-stream"),
                    RequestBody.fromBytes(encrypted));
        } catch (SdkException e) {
            throw new RecordingStoreUnavailable("cannot store recording " + part.associatedData() + ": " + reason(e), e);
        }
    }

    @Override
    public byte[] read(StoredPart part) {
        byte[] stored;
        try {
            stored = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key(part))).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new MissingRecording(part);
        } catch (SdkException e) {
            throw new RecordingStoreUnavailable("cannot read recording " + part.associatedData() + ": " + reason(e), e);
        }
        return cipher.decrypt(part, stored);
    }

    @Override
    public boolean exists(StoredPart part) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key(part)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {   // HEAD has no body, so some stores' 404 is not typed
                return false;
            }
            throw new RecordingStoreUnavailable("cannot look up recording " + part.associatedData() + ": " + reason(e), e);
        } catch (SdkException e) {
            throw new RecordingStoreUnavailable("cannot look up recording " + part.associatedData() + ": " + reason(e), e);
        }
    }

    @Override
    public int deleteCall(String callId) {
        String callPrefix = prefix + new StoredPart(callId, "any").callId() + "/";
        try {
            int deleted = 0;
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(callPrefix)).contents()) {
                s3.deleteObject(b -> b.bucket(bucket).key(object.key()));
                deleted += object.key().endsWith(SUFFIX) ? 1 : 0;
            }
            return deleted;
        } catch (SdkException e) {
            throw new RecordingStoreUnavailable("cannot delete the recordings of call " + callId + ": " + reason(e), e);
        }
    }

    /** The object name of a part; package-private for tests that look at the bucket itself. */
    String key(StoredPart part) {
        return prefix + part.callId() + "/" + part.part() + SUFFIX;
    }

    @Override
    public void close() {
        s3.close();
    }

    private static String reason(SdkException e) {
        if (e instanceof S3Exception s3e) {
            String code = s3e.awsErrorDetails() == null ? null : s3e.awsErrorDetails().errorCode();
            return "HTTP " + s3e.statusCode() + (code == null ? "" : " " + code);
        }
        return e.getMessage();
    }
}
