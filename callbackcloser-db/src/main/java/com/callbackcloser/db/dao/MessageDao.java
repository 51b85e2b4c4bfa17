package com.callbackcloser.db.dao;

import com.callbackcloser.core.model.MessageRecord;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterRowMapper(MessageRecordMapper.class)
public interface MessageDao {

    @SqlQuery("SELECT * FROM messages WHERE lead_id = :leadId ORDER BY created_at, seq")
    List<MessageRecord> transcript(@Bind("leadId") UUID leadId);
}
