package org.callcentre.ivr.floor;

/** An agent's state on the floor. */
public enum AgentStatus { AVAILABLE, RINGING, ON_CALL, WRAP_UP, PAUSED, UNAVAILABLE, LOGGED_OUT }
