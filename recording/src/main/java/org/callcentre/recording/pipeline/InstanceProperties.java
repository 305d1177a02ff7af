package org.callcentre.recording.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code callcentre.instance-id}: this server instance's name in recording jobs' leases (ADR 19).
 * Keep it the same across restarts of one instance and different for every instance on the same
 * database; empty (the default) means {@code <host name>:<FastAGI port>}, right unless two
 * instances share a host name and a port (two containers each with its own network, say).
 */
@ConfigurationProperties("callcentre")
record InstanceProperties(String instanceId) {
}
