package org.callcentre.ivr.flow.callback;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link CallbackRequests} as rows of {@code callback_request} (state PENDING until a scheduler takes them). */
public final class JdbcCallbackRequests implements CallbackRequests {

    private final JdbcClient jdbc;

    public JdbcCallbackRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void request(CallbackRequest r) {
        jdbc.sql("insert into callback_request (call_id, phone_number, business_type, requested_at, state) "
                        + "values (?, ?, ?, ?, 'PENDING')")
                .params(r.callId(), r.number(), r.businessType(), Timestamp.from(r.requestedAt()))
                .update();
    }

    /** The pending requests, oldest first. */
    public List<CallbackRequest> pending() {
        return jdbc.sql("select call_id, phone_number, business_type, requested_at from callback_request "
                        + "where state = 'PENDING' order by requested_at, id")
                .query((rs, n) -> new CallbackRequest(rs.getString("call_id"), rs.getString("phone_number"),
                        rs.getString("business_type"), rs.getTimestamp("requested_at").toInstant()))
                .list();
    }
}
