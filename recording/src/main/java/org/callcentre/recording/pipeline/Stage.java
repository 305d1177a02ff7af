package org.callcentre.recording.pipeline;

/** Where a recording job stands. TRANSCRIBE and INDEX are pending work; DONE and FAILED are final. */
enum Stage { TRANSCRIBE, INDEX, DONE, FAILED }
