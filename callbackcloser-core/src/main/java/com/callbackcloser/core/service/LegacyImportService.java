package com.callbackcloser.core.service;

import com.callbackcloser.core.model.PlanTier;
import com.callbackcloser.core.model.Plans;
import com.callbackcloser.core.model.RefusedException;
import com.callbackcloser.core.model.Subscription;
import com.callbackcloser.core.model.legacy.ImportReport;
import com.callbackcloser.core.model.legacy.ImportedBusiness;
import com.callbackcloser.core.model.legacy.ImportedCall;
import com.callbackcloser.core.model.legacy.ImportedConsent;
import com.callbackcloser.core.model.legacy.ImportedLead;
import com.callbackcloser.core.model.legacy.ImportedMessage;
import com.callbackcloser.core.model.legacy.LegacyBusiness;
import com.callbackcloser.core.model.legacy.LegacyCall;
import com.callbackcloser.core.model.legacy.LegacyConsent;
import com.callbackcloser.core.model.legacy.LegacyLead;
import com.callbackcloser.core.model.legacy.LegacyMessage;
import com.callbackcloser.core.model.legacy.LegacyTable;
import com.callbackcloser.core.model.legacy.SkippedRow;
import com.callbackcloser.core.model.legacy.TableCount;
import com.callbackcloser.core.model.legacy.TableCount.RowOutcome;
import com.callbackcloser.core.port.in.ImportLegacy;
import com.callbackcloser.core.port.in.ImportLegacyUseCase;
import com.callbackcloser.core.port.in.LegacyImportRefusedException;
import com.callbackcloser.core.port.out.ConsentChange;
import com.callbackcloser.core.port.out.ImportProgress;
import com.callbackcloser.core.port.out.LegacyImportStore;
import com.callbackcloser.core.port.out.LegacyImportTarget;
import com.callbackcloser.core.port.out.LegacySource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The old app's database into ours, table by table in the order rows refer to each other: businesses (with their
 * owners), then SMS consents, all in one transaction of their own and before any call, lead or text, then calls,
 * leads and messages in batches. Every row is claimed by its old id as it is written (see {@link
 * LegacyImportStore}), so a second run writes nothing, and a run stopped half-way keeps its committed batches and
 * goes on after them: both end where one clean run ends. A row that cannot come over (our rules refuse a value, a
 * row of ours holds its Twilio number or CallSid, its parent did not come over) is skipped and reported, never
 * merged into a row of ours; the rows that depend on it are skipped with it.
 */
public final class LegacyImportService implements ImportLegacyUseCase {
    private static final int MISSING_LISTED = 10;

    private final LegacySource source;
    private final LegacyImportTarget target;
    private final Plans plans;
    private final ImportProgress progress;
    private final Clock clock;

    /** {@code plans}: the prices this service sells, to warn of an active business it would treat as free. */
    public LegacyImportService(
            LegacySource source, LegacyImportTarget target, Plans plans, ImportProgress progress, Clock clock) {
        this.source = source;
        this.target = target;
        this.plans = plans;
        this.progress = progress;
        this.clock = clock;
    }

    @Override
    public ImportReport importLegacy(ImportLegacy command) {
        List<String> missing = source.missingSchema();
        if (!missing.isEmpty()) {
            throw new LegacyImportRefusedException("the source does not look like the old app's database: it has no "
                    + listed(missing) + ". Nothing was imported.");
        }
        List<String> unapplied = target.missingChangeSets();
        if (!unapplied.isEmpty()) {
            throw new LegacyImportRefusedException("this service's database is not migrated (" + unapplied.size()
                    + " changesets not applied: " + listed(unapplied)
                    + "): run `java -jar callbackcloser.jar db migrate config.yml` first. Nothing was imported.");
        }
        return new Run(command).all();
    }

    private static String listed(List<String> items) {
        return items.size() <= MISSING_LISTED
                ? String.join(", ", items)
                : String.join(", ", items.subList(0, MISSING_LISTED)) + " and " + (items.size() - MISSING_LISTED)
                        + " more";
    }

    /**
     * What became of one old row; {@code ourId} is its id here (or the one it would get, in a dry run), {@code note}
     * something to tell the operator once the row's batch is committed.
     */
    private record Result(String legacyId, RowOutcome outcome, UUID ourId, String reason, String note) {
        Result(String legacyId, RowOutcome outcome, UUID ourId) {
            this(legacyId, outcome, ourId, null, null);
        }

        Result noting(String text) {
            return new Result(legacyId, outcome, ourId, reason, text);
        }
    }

    /** The note of a lead imported without a call: counted, not listed one by one. */
    private static final String WITHOUT_CALL = "lead without a call";

    /** One run: what was imported so far (old id to ours, per table), and the counts. */
    private final class Run {
        private final ImportLegacy command;
        private final Instant now = clock.instant();
        private final Map<LegacyTable, TableCount> counts = new EnumMap<>(LegacyTable.class);
        private final Map<LegacyTable, Map<String, UUID>> ids = new EnumMap<>(LegacyTable.class);
        private final List<SkippedRow> skipped = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        /** Old consent id per (business, phone) here: two old rows the same phone under our rules. */
        private final Map<String, String> consentPhones = new HashMap<>();

        private long leadsWithoutCall;

        Run(ImportLegacy command) {
            this.command = command;
        }

        ImportReport all() {
            read(store -> {
                // Consents need none: their key here is (business, phone), and merging one again changes nothing.
                for (LegacyTable table :
                        List.of(LegacyTable.BUSINESS, LegacyTable.CALL, LegacyTable.LEAD, LegacyTable.MESSAGE)) {
                    ids.put(table, new HashMap<>(store.importedIds(table)));
                }
                return null;
            });
            batched(LegacyTable.BUSINESS, source::businesses, command.batchSize(), this::business);
            // All of them or none: a run that stops here has every STOP or none, never half.
            batched(LegacyTable.SMS_CONSENT, source::consents, Integer.MAX_VALUE, this::consent);
            batched(LegacyTable.CALL, source::calls, command.batchSize(), this::call);
            batched(LegacyTable.LEAD, source::leads, command.batchSize(), this::lead);
            batched(LegacyTable.MESSAGE, source::messages, command.batchSize(), this::message);
            if (leadsWithoutCall > 0) {
                notes.add(leadsWithoutCall + " lead(s) had no call in the old app (it had been deleted): "
                        + (command.dryRun() ? "would be imported" : "imported") + " without one");
            }
            return new ImportReport(command.dryRun(), counts, skipped, notes);
        }

        private <R> void batched(
                LegacyTable table,
                Consumer<Consumer<R>> rows,
                int batchSize,
                BiFunction<LegacyImportStore, R, Result> importRow) {
            counts.put(table, TableCount.NONE);
            List<R> batch = new ArrayList<>();
            rows.accept(row -> {
                batch.add(row);
                if (batch.size() >= batchSize) {
                    flush(table, batch, importRow);
                    batch.clear();
                }
            });
            flush(table, batch, importRow);
        }

        /** One transaction per batch; the counts and ids are taken in only once it committed. */
        private <R> void flush(LegacyTable table, List<R> batch, BiFunction<LegacyImportStore, R, Result> importRow) {
            if (batch.isEmpty()) {
                return;
            }
            List<Result> results = write(store -> {
                List<Result> done = new ArrayList<>(batch.size());
                for (R row : batch) {
                    Result result = importRow.apply(store, row);
                    if (result.outcome() == RowOutcome.IMPORTED && !command.dryRun()) {
                        progress.rowWritten(table, result.legacyId());
                    }
                    done.add(result);
                }
                return done;
            });
            for (Result result : results) {
                counts.put(table, counts.get(table).plus(result.outcome()));
                if (result.ourId() != null) {
                    ids.computeIfAbsent(table, t -> new HashMap<>()).put(result.legacyId(), result.ourId());
                }
                if (result.outcome() == RowOutcome.SKIPPED) {
                    skipped.add(new SkippedRow(table, result.legacyId(), result.reason()));
                }
                if (WITHOUT_CALL.equals(result.note())) {
                    leadsWithoutCall++;
                } else if (result.note() != null) {
                    notes.add(result.note());
                }
            }
            progress.batchDone(table, counts.get(table).read());
        }

        private <T> T read(Function<LegacyImportStore, T> work) {
            return target.inReadOnlyTransaction(work);
        }

        private <T> T write(Function<LegacyImportStore, T> work) {
            return command.dryRun() ? target.inReadOnlyTransaction(work) : target.inTransaction(work);
        }

        private Result business(LegacyImportStore store, LegacyBusiness row) {
            UUID existing = ids.get(LegacyTable.BUSINESS).get(row.id());
            if (existing != null) {
                return new Result(row.id(), RowOutcome.ALREADY_THERE, existing);
            }
            String label = "\"" + row.name() + "\"";
            ImportedBusiness ours;
            try {
                ours = row.toOurs();
            } catch (RefusedException e) {
                return refused(row.id(), label, e);
            }
            Result result = write(
                    store,
                    LegacyTable.BUSINESS,
                    row.id(),
                    null,
                    label,
                    id -> store.insertBusiness(id, row.id(), ours, now),
                    () -> store.businessConflict(ours));
            if (result.outcome() != RowOutcome.IMPORTED) {
                return result;
            }
            Subscription subscription = ours.subscription();
            if (subscription.isActive() && plans.tierOf(subscription) == PlanTier.FREE) {
                // Not a failure (Stripe says they pay), but they would text nobody: free allows no conversations.
                return result.noting("Business " + row.id() + " " + label + " is ACTIVE on Stripe price "
                        + subscription.priceId() + ", which is neither STRIPE_PRICE_STARTER nor STRIPE_PRICE_PRO"
                        + " here: until one of them is that price, it is on the free plan and texts nobody");
            }
            return command.dryRun()
                    ? result
                    : result.noting("Business " + row.id() + " " + label + " is " + result.ourId() + " here");
        }

        private Result consent(LegacyImportStore store, LegacyConsent row) {
            UUID businessId = ids.get(LegacyTable.BUSINESS).get(row.businessId());
            if (businessId == null) {
                return parentMissing(row.id(), "Business", row.businessId());
            }
            ImportedConsent ours = row.toOurs();
            ConsentChange change = command.dryRun()
                    ? store.previewConsent(businessId, ours)
                    : store.mergeConsent(businessId, row.id(), ours, now);
            Result result = new Result(
                    row.id(), change == ConsentChange.UNCHANGED ? RowOutcome.ALREADY_THERE : RowOutcome.IMPORTED, null);
            String twin = consentPhones.putIfAbsent(businessId + " " + ours.phone(), row.id());
            return twin == null
                    ? result
                    : result.noting("SmsConsent " + twin + " and " + row.id() + " are one phone here (" + ours.phone()
                            + "): the later STOP or START of the two is kept");
        }

        private Result call(LegacyImportStore store, LegacyCall row) {
            UUID existing = ids.get(LegacyTable.CALL).get(row.id());
            if (existing != null) {
                return new Result(row.id(), RowOutcome.ALREADY_THERE, existing);
            }
            UUID businessId = ids.get(LegacyTable.BUSINESS).get(row.businessId());
            if (businessId == null) {
                return parentMissing(row.id(), "Business", row.businessId());
            }
            String label = ""; // the conflict names the CallSid
            ImportedCall ours;
            try {
                ours = row.toOurs();
            } catch (RefusedException e) {
                return refused(row.id(), label, e);
            }
            return write(
                    store,
                    LegacyTable.CALL,
                    row.id(),
                    businessId,
                    label,
                    id -> store.insertCall(id, businessId, ours),
                    () -> store.callConflict(ours));
        }

        private Result lead(LegacyImportStore store, LegacyLead row) {
            UUID existing = ids.get(LegacyTable.LEAD).get(row.id());
            if (existing != null) {
                return new Result(row.id(), RowOutcome.ALREADY_THERE, existing);
            }
            UUID businessId = ids.get(LegacyTable.BUSINESS).get(row.businessId());
            if (businessId == null) {
                return parentMissing(row.id(), "Business", row.businessId());
            }
            UUID callId = null;
            if (row.callId() != null) {
                callId = ids.get(LegacyTable.CALL).get(row.callId());
                if (callId == null) {
                    return parentMissing(row.id(), "Call", row.callId());
                }
            }
            String label = "(caller " + row.callerPhone() + ")";
            ImportedLead ours;
            try {
                ours = row.toOurs();
            } catch (RefusedException e) {
                return refused(row.id(), label, e);
            }
            UUID call = callId;
            Result result = write(
                    store,
                    LegacyTable.LEAD,
                    row.id(),
                    businessId,
                    label,
                    id -> store.insertLead(id, businessId, call, ours),
                    () -> call == null ? Optional.empty() : store.leadConflict(call));
            return call == null && result.outcome() == RowOutcome.IMPORTED ? result.noting(WITHOUT_CALL) : result;
        }

        private Result message(LegacyImportStore store, LegacyMessage row) {
            UUID existing = ids.get(LegacyTable.MESSAGE).get(row.id());
            if (existing != null) {
                return new Result(row.id(), RowOutcome.ALREADY_THERE, existing);
            }
            UUID businessId = ids.get(LegacyTable.BUSINESS).get(row.businessId());
            if (businessId == null) {
                return parentMissing(row.id(), "Business", row.businessId());
            }
            UUID leadId = null;
            if (row.leadId() != null) {
                leadId = ids.get(LegacyTable.LEAD).get(row.leadId());
                if (leadId == null) {
                    return parentMissing(row.id(), "Lead", row.leadId());
                }
            }
            String label = row.twilioSid() == null ? "" : "(SID " + row.twilioSid() + ")";
            ImportedMessage ours;
            try {
                ours = row.toOurs();
            } catch (RefusedException e) {
                return refused(row.id(), label, e);
            }
            UUID lead = leadId;
            return write(
                    store,
                    LegacyTable.MESSAGE,
                    row.id(),
                    businessId,
                    label,
                    id -> store.insertMessage(id, businessId, lead, ours),
                    () -> store.messageConflict(ours));
        }

        /**
         * Claims the old row, then writes ours. A claim already taken is another run's row (an earlier one, or one
         * running now: the claim waits for it to commit or roll back). Only with the claim held is a row of ours
         * with the same unique key a conflict, not that run's copy of this very row; the claim is given back then.
         * The insert decides still, should a conflicting row be written after the check.
         */
        private Result write(
                LegacyImportStore store,
                LegacyTable table,
                String legacyId,
                UUID businessId,
                String label,
                Predicate<UUID> insert,
                Supplier<Optional<String>> conflict) {
            UUID id = UUID.randomUUID();
            if (command.dryRun()) {
                return conflict.get()
                        .map(found -> notMerged(legacyId, label, found))
                        .orElseGet(() -> new Result(legacyId, RowOutcome.IMPORTED, id));
            }
            if (!store.claim(table, legacyId, businessId == null ? id : businessId, id, now)) {
                return new Result(
                        legacyId,
                        RowOutcome.ALREADY_THERE,
                        store.importedId(table, legacyId).orElseThrow());
            }
            Optional<String> found = conflict.get();
            if (found.isEmpty() && insert.test(id)) {
                return new Result(legacyId, RowOutcome.IMPORTED, id);
            }
            store.unclaim(table, legacyId);
            return notMerged(
                    legacyId, label, found.or(conflict).orElse("a row here already holds one of its unique keys"));
        }

        private Result refused(String legacyId, String label, RefusedException e) {
            return skip(
                    legacyId, label + " " + e.getMessage() + ": our rules refuse it (fix the old row, then run again)");
        }

        private Result notMerged(String legacyId, String label, String conflict) {
            return skip(legacyId, label + " " + conflict + ": not merged (resolve it, then run again)");
        }

        private Result parentMissing(String legacyId, String parentTable, String parentId) {
            return skip(legacyId, "its " + parentTable + " " + parentId + " is not imported");
        }

        private Result skip(String legacyId, String reason) {
            return new Result(legacyId, RowOutcome.SKIPPED, null, reason.strip(), null);
        }
    }
}
