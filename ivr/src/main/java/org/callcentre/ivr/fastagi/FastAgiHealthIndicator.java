package org.callcentre.ivr.fastagi;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code fastAgi} component of the server's health: UP while the FastAGI server listens and
 * its accepting thread runs, DOWN otherwise (callers would then hear the hotline's "unavailable"
 * prompt). Details: where it listens and the IVR sessions in progress against the most it takes.
 * Reads the server's state only, so it answers at once.
 */
@Component
class FastAgiHealthIndicator implements HealthIndicator {

    private final FastAgiServer server;

    FastAgiHealthIndicator(FastAgiServer server) {
        this.server = server;
    }

    @Override
    public Health health() {
        Health.Builder health = server.listening() ? Health.up() : Health.down().withDetail("reason", "not listening");
        return health.withDetail("address", server.address())
                .withDetail("sessions", server.sessions())
                .withDetail("maxSessions", server.maxSessions())
                .build();
    }
}
