package org.callcentre.ivr.floor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/floor}: queues, agents, the day's floor rates and the surge level (supervisors). */
@RestController
class FloorController {

    private final FloorModel floor;

    FloorController(FloorModel floor) {
        this.floor = floor;
    }

    @GetMapping("/api/floor")
    FloorSnapshot floor() {
        return floor.snapshot();
    }
}
