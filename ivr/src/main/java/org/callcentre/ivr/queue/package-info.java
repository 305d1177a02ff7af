/**
 * The configured call queues ({@code callcentre.ivr.queues}) and Asterisk's queues.conf rendered
 * from them. Exposed so the deploy module can render the file for Asterisk (ADR 0007).
 */
@org.springframework.modulith.NamedInterface("queue")
package org.callcentre.ivr.queue;
