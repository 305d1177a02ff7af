package org.callcentre.ivr.agent;

/** Why an agent is not taking calls; sent to app_queue as the member's PausedReason. */
public enum PauseReason { BREAK, MEAL, TRAINING, AFTER_CALL_WORK, MEETING }
