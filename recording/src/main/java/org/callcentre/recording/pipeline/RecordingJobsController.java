package org.callcentre.recording.pipeline;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/operations/recording-jobs?state=FAILED}: the operations view of the recording
 * pipeline, e.g. the recordings that could never be transcribed, each with its reason. Who may
 * call it is decided in the security configuration (supervisors and admins).
 */
@RestController
class RecordingJobsController {

    private static final int MAX_LIMIT = 500;

    private final RecordingJobs jobs;

    RecordingJobsController(RecordingJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/operations/recording-jobs")
    List<JobView> jobs(@RequestParam(defaultValue = "FAILED") Stage state,
            @RequestParam(defaultValue = "100") int limit) {
        return jobs.inState(state, Math.clamp(limit, 1, MAX_LIMIT));
    }
}
