package com.callbackcloser.api.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** What a database holds, to compare before and after a command: nothing written, or the same end state. */
final class DatabaseContents {
    private DatabaseContents() {}

    /**
     * Every table's rows (a digest of them, and their count) and every sequence's position: a write rolled back
     * would still move a sequence, so equal snapshots mean nothing was written, not even undone.
     */
    static Map<String, String> snapshot(Jdbi jdbi) {
        return jdbi.withHandle(handle -> {
            Map<String, String> contents = new LinkedHashMap<>();
            List<String> tables = handle.createQuery("""
                            SELECT table_name FROM information_schema.tables
                             WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1
                            """).mapTo(String.class).list();
            for (String table : tables) {
                contents.put(
                        table,
                        handle.createQuery(
                                        "SELECT count(*) || ' rows ' || COALESCE(md5(string_agg(t::text, '|' ORDER BY"
                                                + " t::text)), '') FROM \"" + table + "\" t")
                                .mapTo(String.class)
                                .one());
            }
            handle.createQuery("SELECT schemaname || '.' || sequencename, COALESCE(last_value, 0) FROM pg_sequences")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(entry -> contents.put("sequence " + entry.getKey(), entry.getValue()));
            return contents;
        });
    }

    /**
     * The imported rows with our generated ids replaced by the old ids they came from (and the import's own
     * times left out), so two databases the same old one was imported into compare equal row for row.
     */
    static Map<String, List<String>> imported(Jdbi jdbi) {
        Map<String, String> queries = new LinkedHashMap<>();
        String old = "(SELECT legacy_id FROM legacy_imports m WHERE m.target_id = %s)";
        queries.put(
                "businesses",
                "SELECT " + old.formatted("b.id") + " || ' ' || (to_jsonb(b) - 'id')::text FROM businesses b");
        queries.put(
                "business_members",
                "SELECT " + old.formatted("x.business_id") + " || ' ' || (to_jsonb(x) - 'business_id')::text"
                        + " FROM business_members x");
        queries.put(
                "audit_events",
                "SELECT " + old.formatted("x.business_id") + " || ' ' || x.actor || ' ' || x.action || ' ' || x.target"
                        + " FROM audit_events x");
        queries.put(
                "sms_consents",
                "SELECT " + old.formatted("x.business_id") + " || ' ' || (to_jsonb(x) - 'business_id')::text"
                        + " FROM sms_consents x");
        queries.put(
                "calls",
                "SELECT " + old.formatted("x.id") + " || ' ' || " + old.formatted("x.business_id")
                        + " || ' ' || (to_jsonb(x) - 'id' - 'business_id')::text FROM calls x");
        queries.put(
                "leads",
                "SELECT " + old.formatted("x.id") + " || ' ' || " + old.formatted("x.business_id") + " || ' ' || "
                        + "COALESCE(" + old.formatted("x.call_id") + ", 'no call')"
                        + " || ' ' || (to_jsonb(x) - 'id' - 'business_id' - 'call_id')::text FROM leads x");
        queries.put(
                "messages",
                "SELECT " + old.formatted("x.id") + " || ' ' || COALESCE(" + old.formatted("x.lead_id") + ", 'no lead')"
                        + " || ' #' || row_number() OVER (PARTITION BY x.lead_id ORDER BY x.created_at, x.seq)"
                        + " || ' ' || (to_jsonb(x) - 'id' - 'business_id' - 'lead_id' - 'seq')::text FROM messages x");
        queries.put(
                "legacy_imports",
                "SELECT legacy_table || ' ' || legacy_id || ' ' || " + old.formatted("x.business_id")
                        + " || ' ' || COALESCE(target_phone, '-') FROM legacy_imports x");
        return jdbi.withHandle(handle -> {
            Map<String, List<String>> rows = new LinkedHashMap<>();
            queries.forEach((table, sql) -> rows.put(
                    table,
                    handle.createQuery(sql + " ORDER BY 1").mapTo(String.class).list()));
            return rows;
        });
    }
}
