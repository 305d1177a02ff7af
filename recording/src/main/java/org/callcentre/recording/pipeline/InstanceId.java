package org.callcentre.recording.pipeline;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The server instance that holds a recording job's lease: the same across restarts of one
 * instance, different between instances that share a database (ADR 19). Configured as
 * {@code callcentre.instance-id}; by default the host's name and the FastAGI port, which two
 * instances on one host cannot share, since Asterisk reaches each on its own port.
 */
record InstanceId(String value) {

    static final int MAX_LENGTH = 200; // recording_job.lease_holder

    InstanceId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a server instance id must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("callcentre.instance-id is " + value.length()
                    + " characters long; at most " + MAX_LENGTH + " are kept");
        }
    }

    /** The configured id, or {@code <host name>:<FastAGI port>} when none is. */
    static InstanceId of(String configured, int fastAgiPort) {
        return configured == null || configured.isBlank() ? new InstanceId(hostName() + ":" + fastAgiPort)
                : new InstanceId(configured.strip());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {   // no resolvable name: the kernel's, as the shell sees it
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
