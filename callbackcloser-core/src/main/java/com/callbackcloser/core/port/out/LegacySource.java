package com.callbackcloser.core.port.out;

import com.callbackcloser.core.model.legacy.LegacyBusiness;
import com.callbackcloser.core.model.legacy.LegacyCall;
import com.callbackcloser.core.model.legacy.LegacyConsent;
import com.callbackcloser.core.model.legacy.LegacyLead;
import com.callbackcloser.core.model.legacy.LegacyMessage;
import java.util.List;
import java.util.function.Consumer;

/**
 * The old app's database, read and never written: every read sees the same snapshot, so rows that refer to each
 * other (a lead and its call) are read as they stood together. Each table streams its rows, oldest first.
 */
public interface LegacySource {

    /** What the source lacks of the old app's schema ("table Lead", "column Lead.smsState"); empty if nothing. */
    List<String> missingSchema();

    void businesses(Consumer<LegacyBusiness> each);

    void consents(Consumer<LegacyConsent> each);

    void calls(Consumer<LegacyCall> each);

    void leads(Consumer<LegacyLead> each);

    void messages(Consumer<LegacyMessage> each);
}
