package org.inspraak.security;

/** The four roles of the glossary. Spring Security sees them as ROLE_&lt;name&gt;. */
public enum Role {
    RESIDENT,
    MODERATOR,
    COUNCIL_MEMBER,
    ADMIN;

    public static final String RESIDENT_NAME = "RESIDENT";
    public static final String MODERATOR_NAME = "MODERATOR";
    public static final String COUNCIL_MEMBER_NAME = "COUNCIL_MEMBER";
    public static final String ADMIN_NAME = "ADMIN";

    public String authority() {
        return "ROLE_" + name();
    }

    /** Staff speak on behalf of the municipality. */
    public boolean isStaff() {
        return this == MODERATOR || this == ADMIN;
    }
}
