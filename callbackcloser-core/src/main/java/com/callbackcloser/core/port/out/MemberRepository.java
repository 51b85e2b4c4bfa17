package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.Membership;
import com.callbackcloser.core.model.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface MemberRepository {

    Optional<Membership> find(UUID businessId, String subject);

    List<Membership> listForBusiness(UUID businessId);

    List<Membership> listForSubject(String subject);

    /** Adds the member, or changes the role of an existing one. */
    Membership put(UUID businessId, String subject, Role role, Instant now);

    boolean remove(UUID businessId, String subject);
}
