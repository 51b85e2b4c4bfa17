package com.callbackcloser.db.adapter;

import com.callbackcloser.core.model.Membership;
import com.callbackcloser.core.model.Role;
import com.callbackcloser.core.port.out.MemberRepository;
import com.callbackcloser.db.dao.MemberDao;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class JdbiMemberRepository implements MemberRepository {
    private final MemberDao dao;

    JdbiMemberRepository(MemberDao dao) {
        this.dao = dao;
    }

    @Override
    public Optional<Membership> find(UUID businessId, String subject) {
        return dao.find(businessId, subject);
    }

    @Override
    public List<Membership> listForBusiness(UUID businessId) {
        return dao.listForBusiness(businessId);
    }

    @Override
    public List<Membership> listForSubject(String subject) {
        return dao.listForSubject(subject);
    }

    @Override
    public Membership put(UUID businessId, String subject, Role role, Instant now) {
        return dao.put(businessId, subject, role.name(), now);
    }

    @Override
    public boolean remove(UUID businessId, String subject) {
        return dao.remove(businessId, subject) == 1;
    }
}
