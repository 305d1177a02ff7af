package org.callcentre.ivr.agent;

/**
 * An agent's id: their user name, app_queue member name and extension. Lower-case letters,
 * digits, '-' and '_' only, since it is written into channel names and dialplan.
 */
public record AgentId(String value) {
    public AgentId {
        if (value == null || !value.matches("[a-z][a-z0-9_-]{0,39}")) {
            throw new IllegalArgumentException("agent id must be 1-40 lower-case letters, digits, '-' or '_' "
                    + "starting with a letter");
        }
    }
}
