package org.callcentre.ivr.journey;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/journeys/{callId}}: a call's journey, for supervisors, QA and admins. */
@RestController
class JourneyController {

    private final CallJourneys journeys;

    JourneyController(CallJourneys journeys) {
        this.journeys = journeys;
    }

    @GetMapping("/api/journeys/{callId}")
    ResponseEntity<CallJourney> journey(@PathVariable String callId) {
        return ResponseEntity.of(journeys.find(callId));
    }
}
