package com.callbackcloser.db;

import com.callbackcloser.db.adapter.HandleSupplierProbe;
import com.callbackcloser.db.dao.AnalyticsDao;
import com.callbackcloser.db.dao.ApiKeyDao;
import com.callbackcloser.db.dao.AuditDao;
import com.callbackcloser.db.dao.BusinessDao;
import com.callbackcloser.db.dao.CallDao;
import com.callbackcloser.db.dao.ConsentDao;
import com.callbackcloser.db.dao.LeadDao;
import com.callbackcloser.db.dao.MemberDao;
import com.callbackcloser.db.dao.MessageDao;
import com.callbackcloser.db.dao.OpeningHoursDao;
import com.callbackcloser.db.dao.OutboxDao;
import com.callbackcloser.db.dao.StripeEventDao;
import com.callbackcloser.db.dao.TextTemplateDao;
import com.callbackcloser.db.dao.WebhookDao;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectFactory;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The one place that says how this service talks to Postgres through JDBI. */
public final class JdbiSetup {
    private JdbiSetup() {}

    private static final List<Class<?>> DAOS = List.of(
            AnalyticsDao.class,
            ApiKeyDao.class,
            AuditDao.class,
            BusinessDao.class,
            CallDao.class,
            ConsentDao.class,
            LeadDao.class,
            MemberDao.class,
            MessageDao.class,
            OpeningHoursDao.class,
            OutboxDao.class,
            StripeEventDao.class,
            TextTemplateDao.class,
            WebhookDao.class);

    public static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.installPlugin(new PostgresPlugin());
        jdbi.registerArgument(new InstantAsTimestamptz());
        jdbi.getConfig(SqlStatements.class).setTemplateEngine(new CommentingTemplateEngine());
        jdbi.registerExtension(new HandleSupplierProbe.Factory());
        describeDaosOnce(jdbi);
        return jdbi;
    }

    /**
     * Each handle works on a copy of JDBI's configuration, so what a handle learns about a DAO (its methods, SQL,
     * mappers) is thrown away with the handle, and every transaction would work it out again: a third of the
     * service's CPU under load. Described here, once, it is in every copy.
     */
    private static void describeDaosOnce(Jdbi jdbi) {
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory sqlObjects = extensions
                .findFactory(SqlObjectFactory.class)
                .orElseThrow(() -> new IllegalStateException("the SqlObject plugin is not installed"));
        DAOS.forEach(dao -> extensions.findMetadata(dao, sqlObjects));
    }

    /**
     * Starts each statement with a comment naming the DAO method that runs it (e.g. LeadDao.insert), so
     * pg_stat_statements and the server's logs say where a query comes from. Unlike Dropwizard's engine for the
     * same purpose, it lets JDBI cache each parsed template instead of parsing it again on every execution.
     */
    private static final class CommentingTemplateEngine implements TemplateEngine.Parsing {
        private final DefinedAttributeTemplateEngine templates = new DefinedAttributeTemplateEngine();

        @Override
        public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
            return templates.parse(template, config).map(render -> context -> comment(context) + render.apply(context));
        }

        private static String comment(StatementContext context) {
            ExtensionMethod method = context.getExtensionMethod();
            return method == null
                    ? ""
                    : "/* " + method.getType().getSimpleName() + "."
                            + method.getMethod().getName() + " */ ";
        }
    }

    /**
     * JDBI binds an Instant through {@code java.sql.Timestamp}, which passes through the JVM's default zone.
     * Binding an OffsetDateTime at UTC keeps timestamptz values exact whatever zone the JVM runs in.
     */
    private static final class InstantAsTimestamptz extends AbstractArgumentFactory<Instant> {
        InstantAsTimestamptz() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            OffsetDateTime utc = value.atOffset(ZoneOffset.UTC);
            return (position, statement, context) -> statement.setObject(position, utc, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }
}
