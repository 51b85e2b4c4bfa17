package com.callbackcloser.core.service;

import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.Membership;
import com.callbackcloser.core.model.Permission;
import com.callbackcloser.core.port.in.AccessDeniedException;
import com.callbackcloser.core.port.in.ResourceNotFoundException;
import com.callbackcloser.core.port.out.Repositories;
import java.util.Locale;
import java.util.UUID;

/**
 * Tenant isolation and roles, in one place. Not a member: the business does not exist as far as the actor can
 * tell (404, never 403, so ids of other tenants reveal nothing). A member without the permission: 403.
 */
final class BusinessAccess {
    private BusinessAccess() {}

    static Membership require(Repositories repositories, Actor actor, UUID businessId, Permission permission) {
        Membership membership = repositories
                .members()
                .find(businessId, actor.subject())
                .orElseThrow(() -> new ResourceNotFoundException("business"));
        if (!membership.role().allows(permission)) {
            throw new AccessDeniedException("a " + membership.role().name().toLowerCase(Locale.ROOT) + " may not "
                    + permission.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return membership;
    }
}
