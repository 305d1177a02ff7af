package org.callcentre.ivr.journey;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/journeys/{callId}}: a call's journey (supervisors, QA, admins);
 * {@code PUT/GET /api/journeys/{callId}/disposition}: the agent's wrap-up of a call they answered.
 */
@RestController
class JourneyController {

    private final CallJourneys journeys;
    private final Dispositions dispositions;

    JourneyController(CallJourneys journeys, Dispositions dispositions) {
        this.journeys = journeys;
        this.dispositions = dispositions;
    }

    @GetMapping("/api/journeys/{callId}")
    ResponseEntity<CallJourney> journey(@PathVariable String callId) {
        return ResponseEntity.of(journeys.find(callId));
    }

    @PutMapping("/api/journeys/{callId}/disposition")
    ResponseEntity<Disposition> wrapUp(@PathVariable String callId, @Valid @RequestBody Disposition disposition,
            Authentication agent) {
        dispositions.record(callId, agent.getName(), disposition);
        return ResponseEntity.ok(disposition);
    }

    @GetMapping("/api/journeys/{callId}/disposition")
    ResponseEntity<Disposition> disposition(@PathVariable String callId) {
        return ResponseEntity.of(dispositions.find(callId));
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
