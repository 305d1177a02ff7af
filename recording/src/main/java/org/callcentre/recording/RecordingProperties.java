package org.callcentre.recording;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the {@code recording} module ({@code callcentre.recording.*}).
 *
 * @param spoolDir   where Asterisk's recordings appear, as this server sees the directory
 * @param voskModel  directory of a Vosk model (any language; the English one by default)
 * @param voskAlternatives hypotheses Vosk gives per utterance (0 to 20, by default 5): the best is
 *                   the transcript, words the others have instead are indexed as what the
 *                   recogniser nearly heard, found by search below the words heard; 0 keeps the
 *                   best alone
 * @param storage    where finished recordings are kept, encrypted
 * @param retention  how long recordings and transcripts are kept
 * @param redaction  what is masked in transcripts (and silenced in a redacted audio copy) before
 *                   anything is stored or indexed; spoken card numbers always are
 */
@Validated
@ConfigurationProperties("callcentre.recording")
public record RecordingProperties(
        @NotNull Path spoolDir,
        @NotNull Path voskModel,
        @Min(0) @Max(20) @DefaultValue("5") int voskAlternatives,
        @Valid @DefaultValue Pipeline pipeline,
        @Valid @DefaultValue Index index,
        @Valid @NotNull Storage storage,
        @Valid @DefaultValue Retention retention,
        @Valid @DefaultValue Redaction redaction) {

    /**
     * The job queue from finished call to indexed transcript.
     *
     * @param settleDelay  wait after a call ends before its recording is read: Asterisk closes
     *                     the file on its own thread just after the hang-up
     * @param maxAttempts  a job failing this often ends as FAILED with its last error
     * @param firstBackoff the wait after the first failure; it doubles each attempt
     * @param lease        how long a claim holds unless renewed: a job whose server instance died
     *                     is taken over by another instance this long after the last renewal (its
     *                     own instance, restarted, takes it back at once; ADR 19). Server clocks
     *                     must agree to well within it
     * @param leaseRenewal how often the lease of a running job is renewed; shorter than
     *                     {@code lease}, so a renewal or two may fail (a database hiccup) before
     *                     another worker takes a live job over
     * @param workers      concurrent jobs; transcription takes one core each, so 0 (the
     *                     default) means one per available processor
     * @param indexRetry   the wait before indexing again while the index is unavailable; an
     *                     outage spends no attempts, it only delays indexing
     * @param storeRetry   the same while the recording store (an object store) is unavailable
     * @param health       when the pipeline's backlog counts as falling behind in the server's health
     */
    public record Pipeline(
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("2s") Duration settleDelay,
            @Min(1) @DefaultValue("5") int maxAttempts,
            @DefaultValue("2s") Duration firstBackoff,
            @DefaultValue("1m") Duration lease,
            @DefaultValue("20s") Duration leaseRenewal,
            @Min(0) @DefaultValue("0") int workers,
            @DefaultValue("5s") Duration indexRetry,
            @DefaultValue("10s") Duration storeRetry,
            @Valid @NotNull @DefaultValue HealthLimits health) {

        public Pipeline {
            if (leaseRenewal.isNegative() || leaseRenewal.isZero() || leaseRenewal.compareTo(lease) >= 0) {
                throw new IllegalArgumentException("callcentre.recording.pipeline.lease-renewal (" + leaseRenewal
                        + ") must be positive and shorter than the lease (" + lease + ")");
            }
        }

        /** The worker pool size: as configured, or one per core. */
        public int workerCount() {
            return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
        }

        /**
         * The pipeline component of the server's health is DEGRADED (HTTP 200: calls are still
         * answered and recorded, only their transcripts are late) above either limit, UP below
         * both. Waiting jobs are those not yet indexed (TRANSCRIBE or INDEX, running or not).
         *
         * @param backlogLimit the most jobs that may wait; a healthy pipeline holds the calls of
         *                     the last minute or so
         * @param waitLimit    the longest a waiting job's call may have ended ago; a healthy
         *                     pipeline makes a call searchable within a minute of its hang-up
         */
        public record HealthLimits(
                @Min(1) @DefaultValue("1000") int backlogLimit,
                @NotNull @DefaultValue("10m") Duration waitLimit) {
        }
    }

    /**
     * The Elasticsearch call index. {@code name} is an alias over a versioned index
     * ({@code name-v1}), so a mapping change is a reindex, not a broken index; utterances are in
     * {@code name-utterances}. {@code language} is the calls' language (English "en", Chinese
     * "zh": it picks the Lucene analyzer), {@code queue-languages.<queue>} overrides it per queue;
     * the Vosk model must be of the same language. {@code timeout} bounds each request's connection
     * and each wait for an answer; the server's health check waits no longer for a free connection.
     * {@code minimum-should-match} is how many of a search's plain words a call must contain
     * (Elasticsearch's syntax): by default all of one word, all but one of two to four (a
     * transcript often has one of them misheard), three quarters of more. {@code matching}:
     * {@code ranked} (the default: plain words scored, with what the recogniser nearly heard, what
     * sounds like them and spellings a letter or two off) or {@code strict} (every plain word
     * required, exactly as typed: the search before ranking, kept for sites that want it and for
     * the recall benchmark's baseline).
     */
    public record Index(
            @NotNull @DefaultValue("http://127.0.0.1:9200") URI url,
            @NotBlank @DefaultValue("calls") String name,
            @DefaultValue("5s") Duration timeout,
            @NotBlank @DefaultValue("en") String language,
            @NotNull @DefaultValue Map<String, String> queueLanguages,
            @NotBlank @DefaultValue(DEFAULT_MINIMUM_SHOULD_MATCH) String minimumShouldMatch,
            @NotNull @DefaultValue("ranked") Matching matching) {

        public static final String DEFAULT_MINIMUM_SHOULD_MATCH = "1<-1 4<75%";

        /** How a search's plain words match (see above). */
        public enum Matching { RANKED, STRICT }

        /** An English index at {@code url} under {@code name}, otherwise as configured by default. */
        public static Index of(URI url, String name, Duration timeout) {
            return new Index(url, name, timeout, "en", Map.of(), DEFAULT_MINIMUM_SHOULD_MATCH, Matching.RANKED);
        }

        /** This index, its plain words matched that way. */
        public Index with(Matching matching) {
            return new Index(url, name, timeout, language, queueLanguages, minimumShouldMatch, matching);
        }

        /** The language of a queue's calls ("en" or "zh"), which chooses how they are analysed. */
        public String languageOf(String queue) {
            return queue == null ? language : queueLanguages.getOrDefault(queue, language);
        }
    }

    /**
     * Recording storage, encrypted at rest with AES-256-GCM in this application, whichever the
     * store: an S3 bucket only ever receives ciphertext.
     *
     * @param kind        {@code local} (a directory, the default) or {@code s3} (an S3-compatible
     *                    object store, configured under {@code s3.*})
     * @param dir         the local store's directory (recordings as {@code <call id>/<part>.enc});
     *                    required when {@code kind=local}
     * @param workDir     private directory for the plaintext copy a decoder reads, deleted after
     *                    each decoding (and at start, after a crash)
     * @param activeKey   id of the key that encrypts new recordings
     * @param keys        key id to Base64 of a 256-bit key; keep retired keys here as long as
     *                    recordings encrypted with them exist (each file names its key id)
     * @param s3          the object store, when {@code kind=s3}
     */
    public record Storage(
            @NotNull @DefaultValue("local") Kind kind,
            Path dir,
            @NotNull Path workDir,
            @NotBlank String activeKey,
            @NotNull Map<String, String> keys,
            @Valid @DefaultValue S3 s3) {

        public enum Kind { LOCAL, S3 }
    }

    /**
     * An S3-compatible object store (AWS S3, MinIO, Ceph, S3Proxy, ...). Objects are named
     * {@code <prefix><call id>/<part>.enc}; the bucket must exist (checked at start-up).
     *
     * @param endpoint        the store's URL, e.g. {@code http://127.0.0.1:9400}; empty for AWS S3
     * @param region          the signing region (S3-compatible stores mostly accept any)
     * @param bucket          the bucket; required when {@code kind=s3}
     * @param prefix          prepended to every object name, e.g. {@code recordings/}, to share a bucket
     * @param pathStyleAccess bucket in the path rather than in the host name, as most S3-compatible
     *                        stores need
     * @param accessKey       with {@code secretKey}; empty to use the SDK's default credential chain
     *                        (environment, profile, instance role). Pass the secret through the
     *                        environment ({@code CALLCENTRE_RECORDING_STORAGE_S3_SECRET_KEY}) or a
     *                        private properties file, never in the repository.
     * @param checkTimeout    how long a check of the bucket (at start-up, and for the server's
     *                        health) may take before the store counts as unavailable
     */
    public record S3(
            URI endpoint,
            @NotBlank @DefaultValue("us-east-1") String region,
            String bucket,
            @NotNull @DefaultValue("") String prefix,
            @DefaultValue("true") boolean pathStyleAccess,
            String accessKey,
            String secretKey,
            @NotNull @DefaultValue("5s") Duration checkTimeout) {

        @Override
        public String toString() {   // never log the secret
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", prefix=" + prefix
                    + ", accessKey=" + accessKey + "]";
        }
    }

    /**
     * The retention purge: recordings, transcripts and index documents of calls that ended longer
     * ago than their queue's period are deleted, each leaving a row in {@code recording_purge}.
     *
     * @param standard the period for every queue not listed (the manuals: at least 3 years)
     * @param perQueue periods by queue name, e.g. {@code per-queue.vip=5y}
     * @param schedule Quartz cron expression, in UTC (default: every day at 03:30)
     */
    public record Retention(
            @NotNull @DefaultValue("3y") Period standard,
            @NotNull @DefaultValue Map<String, Period> perQueue,
            @NotBlank @DefaultValue("0 30 3 * * ?") String schedule) {
    }

    /**
     * @param patterns name to regular expression over an utterance's words (case-insensitive),
     *                 e.g. {@code patterns.security-code=security code is( \\w+){1,4}}; matched
     *                 words become {@code [name]}
     */
    public record Redaction(@NotNull @DefaultValue Map<String, String> patterns) {
    }
}
