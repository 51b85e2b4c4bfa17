package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.Membership;
import java.time.Instant;

public record MemberView(String subject, String role, Instant createdAt) {
    public static MemberView of(Membership membership) {
        return new MemberView(membership.subject(), membership.role().name(), membership.createdAt());
    }
}
