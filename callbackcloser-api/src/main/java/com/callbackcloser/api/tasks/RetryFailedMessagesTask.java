package com.callbackcloser.api.tasks;

import com.callbackcloser.core.service.OutboxMaintenance;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /tasks/retry-failed-messages[?id=UUID][&since=2026-11-26T00:00:00Z]} on the admin port: queues
 * failed texts again (all, one, or those failed since a time), e.g. after a Twilio outage.
 */
public final class RetryFailedMessagesTask extends Task {
    private final OutboxMaintenance outbox;

    public RetryFailedMessagesTask(OutboxMaintenance outbox) {
        super("retry-failed-messages");
        this.outbox = outbox;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        UUID id = Parameters.uuid(parameters, "id");
        Instant since = Parameters.instant(parameters, "since");
        int requeued = outbox.requeueFailed(id, since);
        output.printf("%d failed messages queued again%n", requeued);
    }
}
