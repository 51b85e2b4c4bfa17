package com.callbackcloser.api.representation;

import com.callbackcloser.core.model.MessageTemplate;
import com.callbackcloser.core.model.SmsSegments;
import com.callbackcloser.core.model.TemplateKind;
import com.callbackcloser.core.model.TemplatePreview;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The business's texts: each with its template (null: built-in), what it reads like now and what it costs. */
public record TextTemplatesView(
        List<String> placeholders, TemplateView firstText, TemplateView afterHoursText, TemplateView completionText) {

    /**
     * One text: the template, the text it makes now, and its cost.
     *
     * @param template the owner's template, null when the built-in text is used
     * @param text the text as a caller would get it now
     * @param encoding GSM-7 or UCS-2
     * @param characters GSM-7 septets (€ and { count two) or UCS-2 units (an emoji counts two)
     * @param segments SMS billed: 160 / 153 per part for GSM-7, 70 / 67 for UCS-2
     */
    public record TemplateView(
            String template, boolean builtIn, String text, String encoding, int characters, int segments) {

        static TemplateView of(TemplatePreview preview) {
            SmsSegments segments = preview.segments();
            return new TemplateView(
                    preview.template().map(MessageTemplate::body).orElse(null),
                    preview.template().isEmpty(),
                    preview.text(),
                    segments.encoding() == SmsSegments.Encoding.GSM_7 ? "GSM-7" : "UCS-2",
                    segments.characters(),
                    segments.segments());
        }
    }

    public static TextTemplatesView of(List<TemplatePreview> previews) {
        Map<TemplateKind, TemplateView> byKind =
                previews.stream().collect(Collectors.toMap(TemplatePreview::kind, TemplateView::of));
        return new TextTemplatesView(
                MessageTemplate.PLACEHOLDERS,
                byKind.get(TemplateKind.FIRST_TEXT),
                byKind.get(TemplateKind.AFTER_HOURS_TEXT),
                byKind.get(TemplateKind.COMPLETION_TEXT));
    }
}
