package org.callcentre.ivr.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.asteriskjava.manager.action.OriginateAction;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.agent.AgentId;
import org.callcentre.ivr.ami.AmiConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Live monitoring of an agent's calls: AMI originates the supervisor's phone into the
 * {@code [supervision]} dialplan context, which runs ChanSpy on the agent's channels. The AMI user
 * needs only 'originate' (no 'system'). Every session is written to the audit table first.
 */
public final class Supervision {

    private static final Logger log = LoggerFactory.getLogger(Supervision.class);

    private final AmiConnection ami;
    private final IvrProperties.Agents agents;
    private final JdbcClient jdbc;
    private final Clock clock;

    public Supervision(AmiConnection ami, IvrProperties.Agents agents, JdbcClient jdbc, Clock clock) {
        this.ami = ami;
        this.agents = agents;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Starts monitoring; returns the id of the supervisor's monitoring channel. */
    public String monitor(String supervisor, AgentId agent, MonitorMode mode) {
        String spyChannel = "spy-" + UUID.randomUUID();
        jdbc.sql("insert into supervision_audit (at, supervisor, agent, mode, spy_channel) values (?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), supervisor, agent.value(), mode.name(), spyChannel)
                .update();
        OriginateAction originate = new OriginateAction();
        originate.setChannel(agents.supervisorPhone(supervisor));
        originate.setContext("supervision");
        originate.setExten("s");
        originate.setPriority(1);
        originate.setChannelId(spyChannel);
        originate.setAsync(true);
        originate.setVariables(Map.of("SPY_TARGET", channelPrefix(agents.memberInterface(agent.value())),
                "SPY_OPTIONS", mode.chanSpyOptions));
        ami.send(originate);
        log.info("Supervisor {} started {} on agent {} ({})", supervisor, mode, agent.value(), spyChannel);
        return spyChannel;
    }

    public List<AuditEntry> audit(int limit) {
        return jdbc.sql("select at, supervisor, agent, mode, spy_channel from supervision_audit order by id desc "
                        + "fetch first ? rows only")
                .param(limit)
                .query((rs, n) -> new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        MonitorMode.valueOf(rs.getString(4)), rs.getString(5)))
                .list();
    }

    /** ChanSpy matches channel names by prefix: "Local/agent1@agent-phones/n" -> "Local/agent1@agent-phones". */
    static String channelPrefix(String memberInterface) {
        int options = memberInterface.startsWith("Local/") ? memberInterface.indexOf('/', 6) : -1;
        return options < 0 ? memberInterface : memberInterface.substring(0, options);
    }

    public record AuditEntry(java.time.Instant at, String supervisor, String agent, MonitorMode mode,
            String spyChannel) {
    }
}
