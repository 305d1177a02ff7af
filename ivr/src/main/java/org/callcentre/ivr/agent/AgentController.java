package org.callcentre.ivr.agent;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.callcentre.ivr.InvalidInput;
import org.callcentre.ivr.floor.FloorModel;
import org.callcentre.ivr.floor.FloorSnapshot;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/agents/{agent}/login|logout|pause|resume}. An agent controls only their own
 * desk; supervisors and admins any.
 */
@RestController
class AgentController {

    private final AgentDesk desk;
    private final FloorModel floor;

    AgentController(AgentDesk desk, FloorModel floor) {
        this.desk = desk;
        this.floor = floor;
    }

    record Login(Map<String, Integer> skills) { }

    record Pause(@NotNull PauseReason reason) { }

    @PostMapping("/api/agents/{agent}/login")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void login(@PathVariable String agent, @RequestBody(required = false) Login body, Authentication user) {
        desk.login(allowed(agent, user), body == null || body.skills() == null ? Map.of() : body.skills());
    }

    @PostMapping("/api/agents/{agent}/logout")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void logout(@PathVariable String agent, Authentication user) {
        AgentId id = allowed(agent, user);
        List<String> queues = floor.snapshot().agents().stream().filter(a -> a.agent().equals(id.value()))
                .findFirst().map(FloorSnapshot.AgentView::queues).orElse(List.of());
        desk.logout(id, queues);
    }

    @PostMapping("/api/agents/{agent}/pause")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void pause(@PathVariable String agent, @RequestBody Pause body, Authentication user) {
        desk.pause(allowed(agent, user), body.reason());
    }

    @PostMapping("/api/agents/{agent}/resume")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resume(@PathVariable String agent, Authentication user) {
        desk.resume(allowed(agent, user));
    }

    private static AgentId allowed(String agent, Authentication user) {
        AgentId id;
        try {
            id = new AgentId(agent);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("agent", e.getMessage());
        }
        boolean manager = user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR") || a.getAuthority().equals("ROLE_ADMIN"));
        if (!manager && !user.getName().equals(id.value())) {
            throw new AccessDeniedException("agents control only their own desk");
        }
        return id;
    }
}
