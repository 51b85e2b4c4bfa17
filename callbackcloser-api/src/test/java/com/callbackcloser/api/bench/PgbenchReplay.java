package com.callbackcloser.api.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The database bound: pgbench replaying, at the same concurrency, the statements the service issued for one
 * request (captured from PostgreSQL's log, so the same SQL, the same round trips, the same transactions). Values
 * that differ between two captured requests are made unique per pgbench transaction (ids, CallSid, caller); rows
 * the request needs to exist (the business, the lead) are picked from a pool table of existing ones; every other
 * value is bound as captured.
 */
public final class PgbenchReplay {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");
    private static final Pattern UUID_VALUE =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PHONE = Pattern.compile("\\+\\d{8,15}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2} .*");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final String script;
    private final Map<String, String> constants;
    private final int statementsPerRequest;

    private PgbenchReplay(String script, Map<String, String> constants, int statementsPerRequest) {
        this.script = script;
        this.constants = constants;
        this.statementsPerRequest = statementsPerRequest;
    }

    /**
     * One captured request, and the values in it that name pooled rows: value to the pool table's column.
     */
    public record Sample(List<LoggedStatement> statements, Map<String, String> pooledValues) {}

    /**
     * Builds the script from two requests of the same kind (the first request on a connection is not one). An id
     * first seen as a parameter was returned by an earlier {@code INSERT … RETURNING} into the table that holds it
     * ({@code tableOfId}); the replay takes it from that statement's result ({@code \gset}).
     */
    public static PgbenchReplay of(
            Sample first, Sample second, String poolTable, Function<String, Optional<String>> tableOfId) {
        List<LoggedStatement> a = first.statements();
        List<LoggedStatement> b = second.statements();
        if (a.size() != b.size()) {
            throw new IllegalStateException(
                    "the two requests ran different statements:\n" + describe(a) + "\n---\n" + describe(b));
        }
        Map<String, String> constants = new LinkedHashMap<>();
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> sets = new ArrayList<>();
        sets.add("\\set pool random(1, :poolsize)");
        List<String> lines = new ArrayList<>();
        Set<Integer> gset = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Map<String, String> returned = new HashMap<>();
        for (int i = 0; i < b.size(); i++) {
            for (String value : b.get(i).parameters()) {
                if (value != null
                        && UUID_VALUE.matcher(value).matches()
                        && !seen.contains(value)
                        && !second.pooledValues().containsKey(value)
                        && !returned.containsKey(value)) {
                    OptionalInt producer = producer(b, i, tableOfId.apply(value));
                    if (producer.isPresent()) {
                        gset.add(producer.getAsInt());
                        returned.put(value, ":r" + producer.getAsInt() + "_id");
                    }
                }
            }
            seen.addAll(b.get(i).parameters());
            if (!a.get(i).sql().equals(b.get(i).sql())) {
                throw new IllegalStateException("statement " + i + " differs:\n"
                        + a.get(i).sql() + "\n" + b.get(i).sql());
            }
            String sql = b.get(i).sql().replaceAll("\\s+", " ");
            List<String> values = b.get(i).parameters();
            List<String> previous = a.get(i).parameters();
            Matcher placeholder = PLACEHOLDER.matcher(sql);
            StringBuilder replayed = new StringBuilder();
            while (placeholder.find()) {
                int index = Integer.parseInt(placeholder.group(1)) - 1;
                String value = values.get(index);
                String expression;
                if (value == null) {
                    expression = "NULL";
                } else if (returned.containsKey(value)) {
                    expression = returned.get(value);
                } else if (second.pooledValues().containsKey(value)) {
                    expression =
                            "(SELECT " + second.pooledValues().get(value) + " FROM " + poolTable + " WHERE n = :pool)";
                } else if (value.equals(previous.get(index))
                        || TIMESTAMP.matcher(value).matches()
                        || value.startsWith("{")) {
                    // Times and JSON documents (a stored copy of the request) are data: the captured one will do.
                    expression = constants.computeIfAbsent(value, v -> ":c" + constants.size());
                } else {
                    expression = variables.computeIfAbsent(
                            value, v -> unique(v, previous.get(index), variables.size(), sets, constants));
                }
                placeholder.appendReplacement(replayed, Matcher.quoteReplacement(expression));
            }
            placeholder.appendTail(replayed);
            lines.add(replayed.toString());
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            body.append(lines.get(i)).append(gset.contains(i) ? " \\gset r" + i + "_\n" : ";\n");
        }
        Map<String, String> named = new LinkedHashMap<>();
        constants.forEach((value, name) -> named.put(name.substring(1), value));
        return new PgbenchReplay(String.join("\n", sets) + "\n" + body, named, b.size());
    }

    /** The latest statement before {@code before} that inserted into {@code table} and returned its row. */
    private static OptionalInt producer(List<LoggedStatement> statements, int before, Optional<String> table) {
        if (table.isEmpty()) {
            return OptionalInt.empty();
        }
        Pattern insert =
                Pattern.compile("(?is).*\\bINSERT INTO " + Pattern.quote(table.get()) + "\\b.*\\bRETURNING\\b.*");
        for (int k = before - 1; k >= 0; k--) {
            if (insert.matcher(statements.get(k).sql()).matches()) {
                return OptionalInt.of(k);
            }
        }
        return OptionalInt.empty();
    }

    /** An expression that is new in each pgbench transaction but shaped like the captured value. */
    private static String unique(
            String value, String previous, int n, List<String> sets, Map<String, String> constants) {
        String variable = "u" + n;
        if (UUID_VALUE.matcher(value).matches()) {
            sets.add("\\set " + variable + " random(0, 9000000000000000000)");
            return "md5(:" + variable + "::text)::uuid";
        }
        if (PHONE.matcher(value).matches()) {
            int digits = value.length() - 2;
            sets.add("\\set " + variable + " random(0, " + (long) Math.pow(10, Math.min(digits, 17)) + " - 1)");
            return "('+1' || lpad(:" + variable + "::text, " + digits + ", '0'))";
        }
        int common = 0;
        while (common < Math.min(value.length(), previous == null ? 0 : previous.length())
                && value.charAt(common) == previous.charAt(common)) {
            common++;
        }
        String prefix = constants.computeIfAbsent(value.substring(0, common), v -> ":c" + constants.size());
        sets.add("\\set " + variable + " random(0, 9000000000000000000)");
        return "(" + prefix + "::text || :" + variable + "::text)";
    }

    public int statementsPerRequest() {
        return statementsPerRequest;
    }

    public String script() {
        return script;
    }

    /**
     * pgbench at {@code clients} connections for {@code duration}, each transaction on a random row of the pool
     * table's first {@code poolSize}: requests per second, p50 and p99.
     */
    public Load.Result run(BenchDatabase database, int clients, Duration duration, int poolSize, Path workDirectory)
            throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory(workDirectory, "pgbench");
        Path scriptFile = directory.resolve("replay.sql");
        Files.writeString(scriptFile, script);
        List<String> command = new ArrayList<>(List.of(
                "pgbench",
                "--no-vacuum",
                "--protocol=prepared",
                "--client=" + clients,
                "--jobs=" + Math.min(clients, 2),
                "--time=" + duration.toSeconds(),
                "--log",
                "--log-prefix=" + directory.resolve("txn"),
                "--file=" + scriptFile,
                "--host=127.0.0.1",
                "--port=" + database.port(),
                "--username=" + database.user()));
        constants.forEach((name, value) -> command.add("--define=" + name + "=" + value));
        command.add("--define=poolsize=" + poolSize);
        command.add(BenchDatabase.DATABASE);
        Path output = directory.resolve("pgbench.out");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(duration.toSeconds() + 120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("pgbench failed:\n" + Files.readString(output) + "\nscript:\n" + script);
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        Matcher tps = TPS.matcher(printed);
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench output:\n" + printed);
        }
        Histogram latencies = new Histogram(3);
        long transactions = 0;
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(directory, "txn*")) {
            for (Path log : logs) {
                for (String line : Files.readAllLines(log)) {
                    String[] fields = line.split(" ", -1);
                    latencies.recordValue(Long.parseLong(fields[2]) * 1000);
                    transactions++;
                }
            }
        }
        return new Load.Result(
                "pgbench replay",
                clients,
                transactions,
                Double.parseDouble(tps.group(1)),
                latencies.getValueAtPercentile(50) / 1e6,
                latencies.getValueAtPercentile(99) / 1e6,
                Map.of(),
                null);
    }

    private static String describe(List<LoggedStatement> statements) {
        StringBuilder out = new StringBuilder();
        for (LoggedStatement statement : statements) {
            String sql = statement.sql().replaceAll("\\s+", " ");
            out.append(sql, 0, Math.min(100, sql.length())).append('\n');
        }
        return out.toString();
    }
}
