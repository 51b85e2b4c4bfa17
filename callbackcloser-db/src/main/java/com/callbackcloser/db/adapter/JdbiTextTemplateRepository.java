package com.callbackcloser.db.adapter;

import com.callbackcloser.core.model.MessageTemplate;
import com.callbackcloser.core.model.TemplateKind;
import com.callbackcloser.core.model.TextTemplates;
import com.callbackcloser.core.port.out.TextTemplateRepository;
import com.callbackcloser.db.dao.TextTemplateDao;
import com.callbackcloser.db.dao.TextTemplateDao.TemplateRow;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class JdbiTextTemplateRepository implements TextTemplateRepository {
    private final TextTemplateDao dao;

    JdbiTextTemplateRepository(TextTemplateDao dao) {
        this.dao = dao;
    }

    @Override
    public TextTemplates find(UUID businessId) {
        List<TemplateRow> rows = dao.find(businessId);
        if (rows.isEmpty()) {
            return TextTemplates.BUILT_IN;
        }
        Map<TemplateKind, MessageTemplate> templates = new EnumMap<>(TemplateKind.class);
        for (TemplateRow row : rows) {
            TemplateKind kind = TemplateKind.valueOf(row.kind());
            templates.put(kind, new MessageTemplate(kind, row.body()));
        }
        return new TextTemplates(templates);
    }

    @Override
    public void replace(UUID businessId, TextTemplates templates, Instant now) {
        dao.deleteAll(businessId);
        List<TemplateRow> rows = templates.custom().values().stream()
                .map(template -> new TemplateRow(template.kind().name(), template.body()))
                .toList();
        if (!rows.isEmpty()) {
            dao.insert(businessId, rows, now);
        }
    }
}
