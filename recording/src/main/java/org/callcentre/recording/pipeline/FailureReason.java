package org.callcentre.recording.pipeline;

import java.util.Locale;

/**
 * Why an attempt at a job did not succeed: the {@code reason} tag of the
 * {@code callcentre.recording.failures} counter, a fixed set so the counter stays small; the
 * job's {@code last_error} keeps the words.
 */
enum FailureReason {
    /** Empty, corrupt, not 16 kHz mono, or silent: it will never decode. */
    UNUSABLE_RECORDING,
    /** The recording is not (yet) complete in the spool. */
    RECORDING_NOT_READY,
    /** Elasticsearch did not answer: indexing waits, no attempt spent. */
    INDEX_UNAVAILABLE,
    /** The recording store did not answer: the job waits, no attempt spent. */
    STORE_UNAVAILABLE,
    /** The server instance stopped during the attempt; its restart released the lease. */
    SERVER_STOPPED,
    /** The holder stopped renewing the lease (a dead instance) and another worker took the job over. */
    LEASE_EXPIRED,
    /** Attempts used up by attempts that never finished (each killed its server or expired). */
    ATTEMPTS_UNFINISHED,
    /** The worker found its lease taken over when it came to write its result. */
    LEASE_LOST,
    /** Anything else: a bug or an unforeseen failure, in the log with its stack trace. */
    UNEXPECTED;

    /** The tag value: {@code unusable-recording}, {@code server-stopped}, ... */
    String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
