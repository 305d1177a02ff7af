package org.callcentre.ivr.ami;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code ami} component of the server's health: UP while the AMI connection is logged in to
 * Asterisk, DOWN otherwise (Asterisk down or restarting, a wrong secret): queues, agents' desk
 * controls, supervision and the floor all act through it. Reads the connection's state only, so
 * it answers at once.
 */
@Component
class AmiHealthIndicator implements HealthIndicator {

    private final AmiConnection ami;

    AmiHealthIndicator(AmiConnection ami) {
        this.ami = ami;
    }

    @Override
    public Health health() {
        Health.Builder health = ami.connected() ? Health.up() : Health.down().withDetail("reason", "not logged in");
        return health.withDetail("asterisk", ami.asterisk()).build();
    }
}
