package com.callbackcloser.core.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A member's role in a business: the owner does everything (billing, members included); an admin runs the
 * business (settings, numbers, leads); an agent works the leads.
 */
public enum Role {
    OWNER(EnumSet.allOf(Permission.class)),
    ADMIN(EnumSet.of(
            Permission.VIEW_BUSINESS,
            Permission.EDIT_SETTINGS,
            Permission.VIEW_MEMBERS,
            Permission.MANAGE_PHONE_NUMBER,
            Permission.VIEW_LEADS,
            Permission.EDIT_LEAD_STATUS,
            Permission.REPLY_TO_LEADS,
            Permission.VIEW_USAGE,
            Permission.VIEW_AUDIT)),
    AGENT(EnumSet.of(
            Permission.VIEW_BUSINESS,
            Permission.VIEW_LEADS,
            Permission.EDIT_LEAD_STATUS,
            Permission.REPLY_TO_LEADS,
            Permission.VIEW_USAGE));

    @SuppressWarnings("ImmutableEnumChecker") // an unmodifiable view, never written after construction
    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Collections.unmodifiableSet(EnumSet.copyOf(permissions));
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }
}
