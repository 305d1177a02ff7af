package org.callcentre.ivr.journey;

import jakarta.validation.Valid;
import org.callcentre.ivr.NoSuchCall;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/journeys/{callId}}: a call's journey; {@code PUT/GET /api/journeys/{callId}/disposition}:
 * the agent's wrap-up of a call they answered. QA staff, supervisors and admins read every call's,
 * an agent those of the calls they took ({@link CallAccess}, asked before the call is looked up).
 */
@RestController
class JourneyController {

    private final CallJourneys journeys;
    private final Dispositions dispositions;
    private final CallAccess access;

    JourneyController(CallJourneys journeys, Dispositions dispositions, CallAccess access) {
        this.journeys = journeys;
        this.dispositions = dispositions;
        this.access = access;
    }

    @GetMapping("/api/journeys/{callId}")
    CallJourney journey(@PathVariable String callId, Authentication user) {
        access.requireVisible(callId, user);
        return journeys.find(callId).orElseThrow(() -> new NoSuchCall(callId));
    }

    @PutMapping("/api/journeys/{callId}/disposition")
    Disposition wrapUp(@PathVariable String callId, @Valid @RequestBody Disposition disposition,
            Authentication agent) {
        access.requireVisible(callId, agent);
        dispositions.record(callId, agent.getName(), disposition);
        return disposition;
    }

    @GetMapping("/api/journeys/{callId}/disposition")
    Disposition disposition(@PathVariable String callId, Authentication user) {
        access.requireVisible(callId, user);
        if (journeys.find(callId).isEmpty()) {
            throw new NoSuchCall(callId);
        }
        return dispositions.find(callId).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Call " + callId + " has not been wrapped up."),
                null));
    }

    @ExceptionHandler(Dispositions.Refused.class)
    ProblemDetail refused(Dispositions.Refused e) {
        HttpStatus status = switch (e.why()) {
            case NO_SUCH_CALL -> HttpStatus.NOT_FOUND;
            case NOT_THEIR_CALL -> HttpStatus.FORBIDDEN;
            case TOO_LATE -> HttpStatus.CONFLICT;
        };
        return ProblemDetail.forStatusAndDetail(status, e.getMessage());
    }
}
