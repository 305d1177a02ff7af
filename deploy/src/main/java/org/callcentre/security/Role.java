package org.callcentre.security;

/** The roles of DEVELOPERS.md: what each kind of user may do is set in {@link SecurityConfiguration}. */
public enum Role { AGENT, QA, SUPERVISOR, ADMIN }
