package com.callbackcloser.core.model.legacy;

/** The old app's tables, in the order they are imported: each row refers only to rows of the tables before it. */
public enum LegacyTable {
    BUSINESS("Business"),
    SMS_CONSENT("SmsConsent"),
    CALL("Call"),
    LEAD("Lead"),
    MESSAGE("Message");

    private final String oldName;

    LegacyTable(String oldName) {
        this.oldName = oldName;
    }

    /** The table's name in the old database (Prisma's model name), also how the import's mapping names it. */
    public String oldName() {
        return oldName;
    }
}
