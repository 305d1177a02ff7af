package org.callcentre.ivr.journey;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.callcentre.ivr.CallDispositioned;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wrap-up dispositions. Only the agent who answered the call records one, within the window after
 * the call ended; recording again in the window replaces it. Each is published as
 * {@link CallDispositioned} in the same transaction, for QA to filter on.
 */
public class Dispositions {

    private final JdbcClient jdbc;
    private final CallJourneys journeys;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration window;

    public Dispositions(JdbcClient jdbc, CallJourneys journeys, ApplicationEventPublisher events, Clock clock,
            Duration window) {
        this.jdbc = jdbc;
        this.journeys = journeys;
        this.events = events;
        this.clock = clock;
        this.window = window;
    }

    /** @throws Refused with the reason when the call is unknown, not theirs, or the window has passed */
    @Transactional
    public void record(String callId, String agent, Disposition d) {
        CallJourney call = journeys.find(callId).orElseThrow(() -> new Refused(Refused.Why.NO_SUCH_CALL,
                "no call " + callId));
        if (!agent.equals(call.agent())) {
            throw new Refused(Refused.Why.NOT_THEIR_CALL, "only the agent who answered the call wraps it up");
        }
        Instant now = clock.instant();
        if (now.isAfter(call.endedAt().plus(window))) {
            throw new Refused(Refused.Why.TOO_LATE, "the wrap-up window of " + window.toMinutes()
                    + " min after the call has passed");
        }
        jdbc.sql("delete from call_disposition where call_id = ?").param(callId).update();
        jdbc.sql("""
                        insert into call_disposition (call_id, agent, business_type, resolved, follow_up, note, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(callId, agent, d.businessType(), d.resolved(), d.followUp(), d.note(), Timestamp.from(now))
                .update();
        events.publishEvent(new CallDispositioned(callId, agent, d.businessType(), d.resolved(), d.followUp(), now));
    }

    public Optional<Disposition> find(String callId) {
        return jdbc.sql("select business_type, resolved, follow_up, note from call_disposition where call_id = ?")
                .param(callId)
                .query((rs, n) -> new Disposition(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getString(4)))
                .optional();
    }

    /** A disposition that may not be recorded, and why. */
    public static final class Refused extends RuntimeException {
        public enum Why { NO_SUCH_CALL, NOT_THEIR_CALL, TOO_LATE }

        private final Why why;

        Refused(Why why, String message) {
            super(message);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }
}
