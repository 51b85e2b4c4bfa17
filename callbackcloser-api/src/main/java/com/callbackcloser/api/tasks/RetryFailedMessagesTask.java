package com.callbackcloser.api.tasks;

import com.callbackcloser.core.service.OutboxMaintenance;
import com.callbackcloser.db.DatabaseErrors;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /tasks/retry-failed-messages?id=UUID} or {@code ?since=2026-11-26T00:00:00Z} (or both) on the admin
 * port: queues failed texts again, one or those failed since a time, e.g. after a Twilio outage. Without either it
 * refuses: it would text again every caller who ever had a failed text.
 */
public final class RetryFailedMessagesTask extends Task implements ParameterCheckedTask {
    private final OutboxMaintenance outbox;

    public RetryFailedMessagesTask(OutboxMaintenance outbox) {
        super("retry-failed-messages");
        this.outbox = outbox;
    }

    @Override
    public void checkParameters(Map<String, List<String>> parameters) {
        UUID id = Parameters.uuid(parameters, "id");
        Instant since = Parameters.instant(parameters, "since");
        if (id == null && since == null) {
            throw new IllegalArgumentException("say which failed texts to queue again: id=<message id> for one,"
                    + " since=<ISO-8601 instant, e.g. 2026-11-26T00:00:00Z> for those failed since then, or both;"
                    + " without either every failed text ever would be sent again");
        }
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        checkParameters(parameters);
        int requeued;
        try {
            requeued = outbox.requeueFailed(Parameters.uuid(parameters, "id"), Parameters.instant(parameters, "since"));
        } catch (RuntimeException e) {
            // Dropwizard logs (and prints) what a task throws: a database error without the statement's values.
            throw DatabaseErrors.redacted(e);
        }
        output.printf("%d failed messages queued again%n", requeued);
    }
}
