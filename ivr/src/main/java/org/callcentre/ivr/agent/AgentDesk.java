package org.callcentre.ivr.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.ami.AmiConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's desk controls, as AMI actions on app_queue: log in to queues (skills as penalties:
 * lower is preferred), log out, pause with a reason, resume. The floor model learns the result
 * from the events app_queue sends back, not from here.
 */
public final class AgentDesk {

    private static final Logger log = LoggerFactory.getLogger(AgentDesk.class);

    private final AmiConnection ami;
    private final IvrProperties.Agents config;

    public AgentDesk(AmiConnection ami, IvrProperties.Agents config) {
        this.ami = ami;
        this.config = config;
    }

    /** @param skills queue -> penalty; empty means the default queues at penalty 0 */
    public void login(AgentId agent, Map<String, Integer> skills) {
        Map<String, Integer> queues = new LinkedHashMap<>(skills);
        if (queues.isEmpty()) {
            config.defaultQueues().forEach(q -> queues.put(q, 0));
        }
        queues.forEach((queue, penalty) -> {
            QueueAddAction add = new QueueAddAction(queue, config.memberInterface(agent.value()), penalty);
            add.setMemberName(agent.value());
            add.setStateInterface(config.stateInterface(agent.value()));
            add.setPaused(false);
            ami.send(add);
        });
        log.info("Agent {} logged in to {}", agent.value(), queues);
    }

    public void logout(AgentId agent, Iterable<String> queues) {
        for (String queue : queues) {
            ami.send(new QueueRemoveAction(queue, config.memberInterface(agent.value())));
        }
        log.info("Agent {} logged out", agent.value());
    }

    public void pause(AgentId agent, PauseReason reason) {
        QueuePauseAction pause = new QueuePauseAction(config.memberInterface(agent.value()), true);
        pause.setReason(reason.name());
        ami.send(pause);
        log.info("Agent {} paused: {}", agent.value(), reason);
    }

    public void resume(AgentId agent) {
        ami.send(new QueuePauseAction(config.memberInterface(agent.value()), false));
        log.info("Agent {} resumed", agent.value());
    }
}
