package com.callbackcloser.db.adapter;

import com.callbackcloser.core.model.ApiKey;
import com.callbackcloser.core.port.out.ApiKeyRepository;
import com.callbackcloser.db.dao.ApiKeyDao;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class JdbiApiKeyRepository implements ApiKeyRepository {
    private final ApiKeyDao dao;

    JdbiApiKeyRepository(ApiKeyDao dao) {
        this.dao = dao;
    }

    @Override
    public ApiKey insert(String subject, String name, String prefix, String secretHash, Instant now) {
        return dao.insert(subject, name, prefix, secretHash, now);
    }

    @Override
    public List<ApiKey> listFor(String subject) {
        return dao.listFor(subject);
    }

    @Override
    public Optional<ApiKey> useActive(String secretHash, Instant now) {
        return dao.useActive(secretHash, now);
    }

    @Override
    public boolean revoke(UUID id, String subject, Instant now) {
        return dao.revoke(id, subject, now) == 1;
    }
}
