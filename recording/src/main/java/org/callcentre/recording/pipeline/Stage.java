package org.callcentre.recording.pipeline;

/**
 * Where a recording job stands. TRANSCRIBE and INDEX are pending work; DONE and FAILED are final
 * until the retention purge deletes the call's recording and transcript (PURGED).
 */
enum Stage { TRANSCRIBE, INDEX, DONE, FAILED, PURGED }
