package com.callbackcloser.api.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Businesses with active plans, and callers who have never called before: what the load is made of. */
public final class Fleet {
    private final List<String> numbers = new ArrayList<>();
    private final AtomicLong callers = new AtomicLong();

    private Fleet() {}

    /**
     * One business created by the CLI, as an operator would, and the others copied from it in SQL (each with its
     * own Twilio number), because starting the CLI a few hundred times would take minutes.
     */
    public static Fleet seed(Path jar, Path config, Map<String, String> env, BenchDatabase database, int businesses)
            throws Exception {
        Fleet fleet = new Fleet();
        fleet.numbers.add("+14155551000");
        ServiceProcess.command(
                jar,
                env,
                "business",
                "create",
                config.toString(),
                "--name",
                "Bench Plumbing 0",
                "--forwarding",
                "+14155550199",
                "--twilio-number",
                fleet.numbers.get(0),
                "--subscription",
                "active",
                "--plan",
                "pro");
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE template AS SELECT * FROM businesses WHERE twilio_number = '"
                    + fleet.numbers.get(0) + "'");
            for (int i = 1; i < businesses; i++) {
                String number = "+1415555" + (1000 + i);
                fleet.numbers.add(number);
                statement.execute("UPDATE template SET id = gen_random_uuid(), twilio_number = '" + number
                        + "', name = 'Bench Plumbing " + i + "'");
                statement.execute("INSERT INTO businesses SELECT * FROM template");
            }
        }
        database.execute("DROP TABLE IF EXISTS bench_businesses");
        database.execute("CREATE TABLE bench_businesses AS SELECT row_number() OVER (ORDER BY twilio_number) AS n,"
                + " id AS business_id, twilio_number FROM businesses");
        database.execute("ALTER TABLE bench_businesses ADD PRIMARY KEY (n)");
        return fleet;
    }

    public int size() {
        return numbers.size();
    }

    /** The businesses' numbers in turn. */
    public String number(long sequence) {
        return numbers.get((int) (sequence % numbers.size()));
    }

    /** A valid US number never used before (area code, exchange 200-999, line): libphonenumber accepts it. */
    public String newCaller() {
        long n = callers.incrementAndGet();
        String[] areas = {"415", "628", "510", "650", "408", "707"};
        return "+1" + areas[(int) (n / 8_000_000 % areas.length)] + (200 + n / 10_000 % 800)
                + String.format(Locale.ROOT, "%04d", n % 10_000);
    }

    public static String callSid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    public static String messageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }
}
