package org.callcentre.ivr.supervision;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.callcentre.ivr.agent.AgentId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/supervision} starts monitoring an agent; {@code GET /api/supervision/audit} (supervisors). */
@RestController
class SupervisionController {

    private final Supervision supervision;

    SupervisionController(Supervision supervision) {
        this.supervision = supervision;
    }

    record MonitorRequest(@NotNull String agent, @NotNull MonitorMode mode) { }

    @PostMapping("/api/supervision")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> monitor(@RequestBody MonitorRequest request, Authentication supervisor) {
        return Map.of("spyChannel", supervision.monitor(supervisor.getName(), new AgentId(request.agent()),
                request.mode()));
    }

    @GetMapping("/api/supervision/audit")
    List<Supervision.AuditEntry> audit() {
        return supervision.audit(200);
    }
}
