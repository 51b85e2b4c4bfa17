package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ApiKeyRepository {

    ApiKey insert(String subject, String name, String prefix, String secretHash, Instant now);

    List<ApiKey> listFor(String subject);

    /** The key with this hash unless it was revoked; its last use is stamped. */
    Optional<ApiKey> useActive(String secretHash, Instant now);

    /** Revokes the subject's own key; false when the subject has no such key. */
    boolean revoke(UUID id, String subject, Instant now);
}
