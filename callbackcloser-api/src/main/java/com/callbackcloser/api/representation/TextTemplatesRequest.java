package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.MessageTemplate;
import com.callbackcloser.core.model.TemplateKind;
import com.callbackcloser.core.model.TextTemplates;
import java.util.EnumMap;
import java.util.Map;

/** The three templates, replaced together; one left out, null or empty uses the built-in text again. */
public record TextTemplatesRequest(String firstText, String afterHoursText, String completionText) {

    public TextTemplates toTemplates() {
        Map<TemplateKind, MessageTemplate> templates = new EnumMap<>(TemplateKind.class);
        put(templates, TemplateKind.FIRST_TEXT, firstText);
        put(templates, TemplateKind.AFTER_HOURS_TEXT, afterHoursText);
        put(templates, TemplateKind.COMPLETION_TEXT, completionText);
        return new TextTemplates(templates);
    }

    private static void put(Map<TemplateKind, MessageTemplate> templates, TemplateKind kind, String body) {
        if (body != null && !body.isEmpty()) {
            templates.put(kind, new MessageTemplate(kind, body));
        }
    }
}
