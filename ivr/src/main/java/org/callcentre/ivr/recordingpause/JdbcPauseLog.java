package org.callcentre.ivr.recordingpause;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.callcentre.ivr.RecordingPause;
import org.callcentre.ivr.RecordingPause.Via;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code recording_pause} table: one row per pause, open until resumed or the call ends. */
final class JdbcPauseLog implements PauseLog {

    private final JdbcClient jdbc;

    JdbcPauseLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void opened(String callId, Instant recordingStartedAt, PauseLedger.Open pause) {
        jdbc.sql("""
                        insert into recording_pause (call_id, seq, recording_started_at, paused_at, paused_by, paused_via)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(callId, pause.seq(), ts(recordingStartedAt), ts(pause.from()), pause.by(), pause.via().name())
                .update();
    }

    @Override
    public void closed(String callId, PauseLedger.Closed closed) {
        RecordingPause p = closed.pause();
        jdbc.sql("""
                        update recording_pause set resumed_at = ?, resumed_by = ?, resumed_via = ?
                        where call_id = ? and seq = ? and resumed_at is null
                        """)
                .params(ts(p.to()), p.resumedBy(), p.resumedVia().name(), callId, closed.seq())
                .update();
    }

    @Override
    public List<RecordingPause> closeOpen(String callId, Instant end) {
        jdbc.sql("""
                        update recording_pause set resumed_at = case when paused_at > ? then paused_at else ? end,
                            resumed_via = 'CALL_END'
                        where call_id = ? and resumed_at is null
                        """)
                .params(ts(end), ts(end), callId)
                .update();
        return of(callId);
    }

    @Override
    public List<RecordingPause> of(String callId) {
        return jdbc.sql("select * from recording_pause where call_id = ? and resumed_at is not null order by seq")
                .param(callId)
                .query(JdbcPauseLog::pause)
                .list();
    }

    private static RecordingPause pause(ResultSet rs, int n) throws SQLException {
        Instant start = rs.getTimestamp("recording_started_at").toInstant();
        Instant from = rs.getTimestamp("paused_at").toInstant();
        Instant to = rs.getTimestamp("resumed_at").toInstant();
        return new RecordingPause(from, to, seconds(start, from), seconds(start, to), rs.getString("paused_by"),
                Via.valueOf(rs.getString("paused_via")), rs.getString("resumed_by"),
                Via.valueOf(rs.getString("resumed_via")));
    }

    private static double seconds(Instant start, Instant at) {
        return Math.max(0, Duration.between(start, at).toMillis()) / 1000.0;
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
