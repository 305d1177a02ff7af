package org.callcentre.ivr.recordingpause;

import org.callcentre.ivr.RecordingPause.Via;
import org.callcentre.ivr.journey.CallAccess;
import org.callcentre.ivr.journey.CallJourneys;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/calls/{callId}/recording/pause|resume}: the agent on the call, a supervisor or
 * an admin pauses the call's recording (e.g. while the customer reads out a card number) and
 * resumes it. Idempotent: pausing a paused recording answers its status unchanged. Who may is
 * asked first ({@link CallAccess}: an agent who did not take the call gets the 404 of an unknown
 * one); then a call not connected to an agent is 404 (unknown) or 409 (ended).
 */
@RestController
class RecordingPauseController {

    private final RecordingPauses pauses;
    private final CallJourneys journeys;
    private final CallAccess access;

    RecordingPauseController(RecordingPauses pauses, CallJourneys journeys, CallAccess access) {
        this.pauses = pauses;
        this.journeys = journeys;
        this.access = access;
    }

    @PostMapping("/api/calls/{callId}/recording/pause")
    RecordingPauses.Status pause(@PathVariable String callId, Authentication user) {
        return pauses.pause(allowed(callId, user), user.getName(), Via.API);
    }

    @PostMapping("/api/calls/{callId}/recording/resume")
    RecordingPauses.Status resume(@PathVariable String callId, Authentication user) {
        return pauses.resume(allowed(callId, user), user.getName(), Via.API);
    }

    private String allowed(String callId, Authentication user) {
        access.requireVisible(callId, user);
        ConnectedCall call = pauses.connectedCall(callId).orElseThrow(() -> new RecordingPauses.NotConnected(callId,
                journeys.find(callId).isPresent()));
        boolean manager = user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR") || a.getAuthority().equals("ROLE_ADMIN"));
        if (!manager && !user.getName().equals(call.agent())) {
            throw new AccessDeniedException("only the agent on the call, a supervisor or an admin may pause its recording");
        }
        return callId;
    }

    @ExceptionHandler(RecordingPauses.NotConnected.class)
    ProblemDetail notConnected(RecordingPauses.NotConnected e) {
        return ProblemDetail.forStatusAndDetail(e.ended() ? HttpStatus.CONFLICT : HttpStatus.NOT_FOUND, e.getMessage());
    }
}
