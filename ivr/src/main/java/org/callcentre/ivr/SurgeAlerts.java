package org.callcentre.ivr;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raises a surge alert: one WARN line for the operators' log and a {@link SurgeLevelChanged}
 * event, published in a transaction so the publication log keeps it for listeners.
 */
class SurgeAlerts {

    private static final Logger log = LoggerFactory.getLogger(SurgeAlerts.class);

    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    SurgeAlerts(ApplicationEventPublisher events, TransactionTemplate tx) {
        this.events = events;
        this.tx = tx;
    }

    void raise(SurgeLevelChanged change) {
        log.warn("Surge level {} -> {}: {} callers waiting, longest wait {} s", change.from(), change.to(),
                change.waitingCallers(), change.longestWaitSeconds());
        tx.executeWithoutResult(status -> events.publishEvent(change));
    }
}
