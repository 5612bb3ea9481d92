package io.hearken.staff;

import java.util.List;

/** What every deployable needs to know about a signed-in staff member, whatever the sign-in (form, OIDC, cookie). */
public interface StaffPrincipal {

    String username();

    String displayName();

    /** Department codes, at least one; a manager's may be {@code management}. The first is the home department. */
    List<String> departments();

    StaffRole role();

    /** BCP 47 tag such as {@code zh-CN}; may be null. */
    String language();
}
