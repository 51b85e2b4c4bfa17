package com.callbackcloser.db.adapter;

import com.callbackcloser.core.model.OpenInterval;
import com.callbackcloser.core.model.OpeningHours;
import com.callbackcloser.core.port.out.OpeningHoursRepository;
import com.callbackcloser.db.dao.OpeningHoursDao;
import com.callbackcloser.db.dao.OpeningHoursDao.IntervalRow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

final class JdbiOpeningHoursRepository implements OpeningHoursRepository {
    private final OpeningHoursDao dao;

    JdbiOpeningHoursRepository(OpeningHoursDao dao) {
        this.dao = dao;
    }

    @Override
    public Optional<OpeningHours> find(UUID businessId) {
        if (!dao.isSet(businessId)) {
            return Optional.empty();
        }
        Map<DayOfWeek, List<OpenInterval>> weekly = new HashMap<>();
        Map<LocalDate, List<OpenInterval>> exceptions = new HashMap<>();
        for (IntervalRow row : dao.intervals(businessId)) {
            List<OpenInterval> day = row.weekday() != null
                    ? weekly.computeIfAbsent(DayOfWeek.of(row.weekday()), d -> new ArrayList<>())
                    : exceptions.computeIfAbsent(row.onDate(), d -> new ArrayList<>());
            if (row.opensMinute() != null) {
                day.add(new OpenInterval(row.opensMinute(), row.closesMinute()));
            }
        }
        return Optional.of(new OpeningHours(weekly, exceptions));
    }

    @Override
    public void replace(UUID businessId, OpeningHours hours, Instant now) {
        dao.markSet(businessId, now);
        dao.deleteIntervals(businessId);
        List<IntervalRow> rows = new ArrayList<>();
        hours.weekly()
                .forEach((day, intervals) -> intervals.forEach(interval ->
                        rows.add(new IntervalRow(day.getValue(), null, interval.opens(), interval.closes()))));
        hours.exceptions().forEach((date, intervals) -> {
            if (intervals.isEmpty()) {
                rows.add(new IntervalRow(null, date, null, null));
            }
            intervals.forEach(interval -> rows.add(new IntervalRow(null, date, interval.opens(), interval.closes())));
        });
        if (!rows.isEmpty()) {
            dao.insertIntervals(businessId, rows);
        }
    }

    @Override
    public boolean clear(UUID businessId) {
        return dao.delete(businessId) > 0;
    }
}
