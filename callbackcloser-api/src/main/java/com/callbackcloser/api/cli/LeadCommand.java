package com.callbackcloser.api.cli;

import com.callbackcloser.api.config.CallbackCloserConfiguration;
import com.callbackcloser.core.model.Lead;
import com.callbackcloser.core.model.LeadTranscript;
import com.callbackcloser.core.model.MessageRecord;
import com.callbackcloser.core.service.LeadTranscripts;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.util.UUID;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code leads config.yml [--business ID] [--limit N]}: recent leads with their transcripts. */
public final class LeadCommand extends OperatorCommand {
    private final PrintStream out;

    public LeadCommand() {
        this(System.out);
    }

    LeadCommand(PrintStream out) {
        super("leads", "Show recent leads with their messages");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--business").help("only this business's leads (id)");
        subparser.addArgument("--limit").type(Integer.class).setDefault(10).help("how many leads (newest first)");
    }

    @Override
    protected void run(
            Bootstrap<CallbackCloserConfiguration> bootstrap, Namespace namespace, CallbackCloserConfiguration config)
            throws Exception {
        String business = namespace.getString("business");
        try (CommandDatabase database = new CommandDatabase(config)) {
            var transcripts = new LeadTranscripts(database.transactions())
                    .recent(business == null ? null : UUID.fromString(business), namespace.getInt("limit"));
            if (transcripts.isEmpty()) {
                out.println("no leads yet");
            }
            transcripts.forEach(this::print);
        }
    }

    private void print(LeadTranscript transcript) {
        Lead lead = transcript.lead();
        var answers = lead.qualification();
        out.printf(
                "lead %s  caller=%s  status=%s  conversation=%s  billingRequired=%s  created=%s%n",
                lead.id(),
                lead.callerNumber(),
                lead.status(),
                lead.conversationState(),
                lead.billingRequired(),
                lead.createdAt());
        if (answers.service() != null) {
            out.printf(
                    "  service=%s urgency=%s zip=%s bestTime=%s name=%s%n",
                    answers.service(), answers.urgency(), answers.zip(), answers.bestTime(), answers.contactName());
        }
        for (MessageRecord message : transcript.messages()) {
            out.printf(
                    "  %s %-8s %-5s %s -> %s  [%s%s]  %s%n",
                    message.createdAt(),
                    message.direction(),
                    message.participant(),
                    message.from(),
                    message.to(),
                    message.deliveryState() == null ? "received" : message.deliveryState(),
                    message.twilioSid() == null ? "" : " " + message.twilioSid(),
                    message.body());
        }
    }
}
