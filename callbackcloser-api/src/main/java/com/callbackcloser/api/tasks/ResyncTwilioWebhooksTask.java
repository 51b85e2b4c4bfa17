package com.callbackcloser.api.tasks;

import com.callbackcloser.core.service.PhoneNumberService;
import com.callbackcloser.db.DatabaseErrors;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /tasks/resync-twilio-webhooks[?business=ID]} on the admin port: points the voice, SMS and status
 * webhooks of every business's number (or one) at this service, after APP_URL or the webhook token changed.
 */
public final class ResyncTwilioWebhooksTask extends Task {
    private final PhoneNumberService numbers;

    public ResyncTwilioWebhooksTask(PhoneNumberService numbers) {
        super("resync-twilio-webhooks");
        this.numbers = numbers;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        UUID business = Parameters.uuid(parameters, "business");
        List<PhoneNumberService.ResyncResult> results;
        try {
            results = numbers.resyncWebhooks(business);
        } catch (RuntimeException e) {
            // Dropwizard logs (and prints) what a task throws: a database error without the statement's values.
            throw DatabaseErrors.redacted(e);
        }
        long failed = results.stream().filter(result -> result.error() != null).count();
        for (PhoneNumberService.ResyncResult result : results) {
            output.printf(
                    "%s %s %s%n",
                    result.businessId(),
                    result.twilioNumber(),
                    result.error() == null ? "synced" : "FAILED: " + result.error());
        }
        output.printf("%d synced, %d failed%n", results.size() - failed, failed);
    }
}
