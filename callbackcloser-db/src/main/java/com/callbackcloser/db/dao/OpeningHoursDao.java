package com.callbackcloser.db.dao;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(OpeningHoursDao.IntervalRowMapper.class)
public interface OpeningHoursDao {

    /**
     * One stored interval: a weekday (ISO, 1 = Monday) or a date; a date without times is closed all day.
     */
    record IntervalRow(Integer weekday, LocalDate onDate, Integer opensMinute, Integer closesMinute) {}

    final class IntervalRowMapper implements RowMapper<IntervalRow> {
        @Override
        public IntervalRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new IntervalRow(
                    rs.getObject("weekday", Integer.class),
                    rs.getObject("on_date", LocalDate.class),
                    rs.getObject("opens_minute", Integer.class),
                    rs.getObject("closes_minute", Integer.class));
        }
    }

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM business_hours WHERE business_id = :businessId)")
    boolean isSet(@Bind("businessId") UUID businessId);

    @SqlQuery("""
            SELECT weekday, on_date, opens_minute, closes_minute FROM business_hours_intervals
             WHERE business_id = :businessId
            """)
    List<IntervalRow> intervals(@Bind("businessId") UUID businessId);

    /** Marks the hours as set; the row lock it takes makes concurrent replacements run one after the other. */
    @SqlUpdate("""
            INSERT INTO business_hours (business_id, updated_at) VALUES (:businessId, :now)
            ON CONFLICT (business_id) DO UPDATE SET updated_at = EXCLUDED.updated_at
            """)
    void markSet(@Bind("businessId") UUID businessId, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM business_hours_intervals WHERE business_id = :businessId")
    void deleteIntervals(@Bind("businessId") UUID businessId);

    @SqlBatch("""
            INSERT INTO business_hours_intervals (business_id, weekday, on_date, opens_minute, closes_minute)
            VALUES (:businessId, :weekday, :onDate, :opensMinute, :closesMinute)
            """)
    void insertIntervals(@Bind("businessId") UUID businessId, @BindMethods List<IntervalRow> rows);

    /** Its intervals go with it (ON DELETE CASCADE). */
    @SqlUpdate("DELETE FROM business_hours WHERE business_id = :businessId")
    int delete(@Bind("businessId") UUID businessId);
}
