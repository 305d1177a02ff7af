package org.callcentre.ivr.journey;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.callcentre.ivr.CallOutcome;
import org.callcentre.ivr.recordingpause.RecordingPauses;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored call journeys. {@link #record} stores a journey and publishes its
 * {@link org.callcentre.ivr.CallEnded} in one transaction, so the event is never lost nor sent
 * for a journey that was not stored. Recording the same call twice keeps the first.
 */
@Repository
public class CallJourneys {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final RecordingPauses pauses;

    CallJourneys(JdbcClient jdbc, ApplicationEventPublisher events, RecordingPauses pauses) {
        this.jdbc = jdbc;
        this.events = events;
        this.pauses = pauses;
    }

    /** Stores the journey; a recording pause still open closes at the call's end. */
    @Transactional
    public void record(CallJourney ended) {
        CallJourney j = ended.withRecordingPauses(pauses.closeAtCallEnd(ended.callId(), ended.endedAt()));
        int inserted = jdbc.sql("""
                        insert into call_journey (call_id, caller_id, started_at, ended_at, outcome, last_node,
                            menu_choice, queue_name, queue_wait_ms, agent, recording_name, ivr_recording_name)
                        select :callId, :callerId, :startedAt, :endedAt, :outcome, :lastNode, :menuChoice, :queue,
                            :queueWait, :agent, :recording, :ivrRecording
                        where not exists (select 1 from call_journey where call_id = :callId)
                        """)
                .param("callId", j.callId())
                .param("callerId", j.callerId())
                .param("startedAt", Timestamp.from(j.startedAt()))
                .param("endedAt", Timestamp.from(j.endedAt()))
                .param("outcome", j.outcome().name())
                .param("lastNode", j.lastNode())
                .param("menuChoice", j.menuChoice())
                .param("queue", j.queue())
                .param("queueWait", j.queueWait() == null ? null : j.queueWait().toMillis())
                .param("agent", j.agent())
                .param("recording", j.recordingName())
                .param("ivrRecording", j.ivrRecordingName())
                .update();
        if (inserted == 0) {
            return;
        }
        int seq = 0;
        for (JourneyStep s : j.steps()) {
            jdbc.sql("insert into call_journey_step (call_id, seq, at, node, event, detail) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(j.callId(), seq++, Timestamp.from(s.at()), s.node(), s.event(), s.detail())
                    .update();
        }
        events.publishEvent(j.ended());
    }

    /** The agent who answered the call, if it is stored and was answered. */
    public Optional<String> agentOf(String callId) {
        return jdbc.sql("select agent from call_journey where call_id = ? and agent is not null").param(callId)
                .query(String.class).optional();
    }

    public Optional<CallJourney> find(String callId) {
        List<JourneyStep> steps = jdbc.sql(
                        "select at, node, event, detail from call_journey_step where call_id = ? order by seq")
                .param(callId)
                .query((rs, n) -> new JourneyStep(rs.getTimestamp("at").toInstant(), rs.getString("node"),
                        rs.getString("event"), rs.getString("detail")))
                .list();
        return jdbc.sql("select * from call_journey where call_id = ?")
                .param(callId)
                .query((rs, n) -> {
                    long waitMs = rs.getLong("queue_wait_ms");
                    Duration wait = rs.wasNull() ? null : Duration.ofMillis(waitMs);
                    return new CallJourney(rs.getString("call_id"), rs.getString("caller_id"),
                            rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("ended_at").toInstant(),
                            CallOutcome.valueOf(rs.getString("outcome")), rs.getString("last_node"),
                            rs.getString("menu_choice"), rs.getString("queue_name"), wait, rs.getString("agent"),
                            rs.getString("recording_name"), rs.getString("ivr_recording_name"), steps,
                            pauses.of(callId));
                })
                .optional();
    }
}
