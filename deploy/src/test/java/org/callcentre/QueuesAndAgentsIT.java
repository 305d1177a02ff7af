package org.callcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.callcentre.stack.RealStackTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Agents logging in and pausing through the API, calls shared out by app_queue, the live floor,
 * and an agent added to the site's users file while the server runs (the README's steps).
 */
class QueuesAndAgentsIT extends RealStackTest {

    private static final Duration CALL = Duration.ofSeconds(60);
    /** The site's users file, empty at start-up; agent1 and agent2 are configured users. */
    private static final Path USERS_FILE = emptyUsersFile();

    @DynamicPropertySource
    static void usersFile(DynamicPropertyRegistry registry) {
        registry.add("callcentre.security.users-file", USERS_FILE::toString);
    }

    @AfterEach
    void leaveTheFloorAsFound() throws Exception {
        post("supervisor", "/api/agents/agent1/resume", Map.of());
        post("supervisor", "/api/agents/agent2/logout", Map.of());
        post("supervisor", "/api/agents/agent3/logout", Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> status("agent2").equals("LOGGED_OUT")
                && status("agent3").equals("LOGGED_OUT"));
    }

    @Test
    void anAgentAddedToTheUsersFileWhileTheServerRunsLogsInAndIsOnTheFloor() throws Exception {
        assertThat(post("agent3", "/api/agents/agent3/login", Map.of()).statusCode()).isEqualTo(401);
        Path password = Files.writeString(USERS_FILE.resolveSibling("agent3.password"), "pw-agent3\n");

        CallCentreApplication.main(new String[] {"add-user", USERS_FILE.toString(), "agent3", "AGENT",
            "--password-file=" + password});

        assertThat(Files.readString(USERS_FILE)).contains("agent3:AGENT:{bcrypt}").doesNotContain("pw-agent3");
        assertThat(post("agent3", "/api/agents/agent3/login", Map.of()).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> status("agent3").equals("AVAILABLE"));
        assertThat(agent("agent3").path("queues").valueStream().map(JsonNode::asString)).containsExactly("support");
    }

    @Test
    void callsAreSharedBetweenLoggedInAgentsAndAPausedAgentIsSkipped() throws Exception {
        assertThat(post("agent2", "/api/agents/agent2/login", Map.of()).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> status("agent1").equals("AVAILABLE")
                && status("agent2").equals("AVAILABLE"));
        JsonNode before = supportQueue();

        String first = placeCall("", "3");
        String second = placeCall("", "3");
        JsonNode j1 = await().atMost(CALL).until(() -> journey(first), j -> j != null);
        JsonNode j2 = await().atMost(CALL).until(() -> journey(second), j -> j != null);

        assertThat(Set.of(j1.path("agent").asString(), j2.path("agent").asString()))
                .containsExactlyInAnyOrder("agent1", "agent2");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode q = supportQueue();
            assertThat(q.path("offered").asLong() - before.path("offered").asLong()).isEqualTo(2);
            assertThat(q.path("answered").asLong() - before.path("answered").asLong()).isEqualTo(2);
            assertThat(q.path("abandoned").asLong()).isEqualTo(before.path("abandoned").asLong());
        });

        assertThat(post("agent1", "/api/agents/agent1/pause", Map.of("reason", "BREAK")).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> status("agent1").equals("PAUSED")
                && status("agent2").equals("AVAILABLE"));
        assertThat(agent("agent1").path("pausedReason").asString()).isEqualTo("BREAK");

        String third = placeCall("", "3");
        JsonNode j3 = await().atMost(CALL).until(() -> journey(third), j -> j != null);

        assertThat(j3.path("agent").asString()).isEqualTo("agent2");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(supportQueue().path("answered").asLong() - before.path("answered").asLong()).isEqualTo(3));
        assertThat(status("agent1")).isEqualTo("PAUSED");
    }

    @Test
    void anAgentCannotPauseAnotherAgent() throws Exception {
        assertThat(post("agent2", "/api/agents/agent1/pause", Map.of("reason", "BREAK")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theFloorIsForSupervisorsNotAgents() throws Exception {
        assertThat(get("agent1", "/api/floor").statusCode()).isEqualTo(403);
        HttpResponse<String> r = get("supervisor", "/api/floor");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json.readTree(r.body()).path("surge").asString()).isEqualTo("NONE");
    }

    private static Path emptyUsersFile() {
        try {
            return Files.createFile(Files.createTempDirectory("site-users").resolve("users.conf"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
