package io.hearken.desk.security;

import io.hearken.desk.DeskProperties.Role;

/** What the desk needs to know about a signed-in person, whatever the sign-in (form or OIDC). */
public interface DeskPrincipal {

    String username();

    String displayName();

    /** Department code; a manager's may be {@code management}. */
    String department();

    Role role();

    /** BCP 47 tag such as {@code zh-CN}; may be null. */
    String language();
}
