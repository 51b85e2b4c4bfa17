package com.callbackcloser.api.backup;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own backup tools, pg_dump and pg_restore, from {@code backup.pgBin} (PG_BIN) or the PATH. They are what an
 * operator restores production from, so the drill exercises them rather than a copy of our own making.
 */
public final class PgTools {
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(?:\\.(\\d+))?");
    private static final long TIMEOUT_MINUTES = 60;

    private final Path pgDump;
    private final Path pgRestore;
    private final int majorVersion;
    private final String version;

    private PgTools(Path pgDump, Path pgRestore, int majorVersion, String version) {
        this.pgDump = pgDump;
        this.pgRestore = pgRestore;
        this.majorVersion = majorVersion;
        this.version = version;
    }

    /** Finds both tools in {@code pgBin} if given, else on the PATH, and reads their version. */
    public static PgTools locate(String pgBin, String path) {
        Path dump = find("pg_dump", pgBin, path)
                .orElseThrow(() -> new IllegalArgumentException("pg_dump not found "
                        + (pgBin.isEmpty() ? "on the PATH" : "in backup.pgBin (PG_BIN) " + pgBin)
                        + ": install PostgreSQL's client tools (Debian: apt-get install postgresql-client)"
                        + " or set PG_BIN (backup.pgBin) to their directory"));
        Path restore = dump.resolveSibling("pg_restore");
        if (!Files.isExecutable(restore)) {
            throw new IllegalArgumentException("pg_restore is not next to " + dump);
        }
        String printed = run(List.of(dump.toString(), "--version"), Map.of()).strip();
        Matcher matcher = VERSION.matcher(printed);
        if (!matcher.find()) {
            throw new IllegalStateException("cannot read the version of " + dump + " from: " + printed);
        }
        String version = matcher.group(1) + (matcher.group(2) == null ? "" : "." + matcher.group(2));
        return new PgTools(dump, restore, Integer.parseInt(matcher.group(1)), version);
    }

    public String version() {
        return version;
    }

    /** pg_dump refuses a server of a newer major version than its own; say so before trying. */
    public void requireCanDump(int serverMajorVersion) {
        if (serverMajorVersion > majorVersion) {
            throw new IllegalArgumentException("pg_dump " + version + " cannot dump a PostgreSQL " + serverMajorVersion
                    + " server: install the client tools of version " + serverMajorVersion
                    + " or newer and point PG_BIN (backup.pgBin) at them");
        }
    }

    /** A custom-format dump of the database as the exported snapshot saw it. */
    public void dump(LibpqTarget source, String snapshot, Path file, Path pgpass) {
        run(
                List.of(
                        pgDump.toString(),
                        "--format=custom",
                        "--no-owner",
                        "--no-privileges",
                        "--snapshot=" + snapshot,
                        "--file=" + file,
                        "--dbname=" + source.uri()),
                Map.of("PGPASSFILE", pgpass.toString()));
    }

    /** Restores in one transaction: a failed restore leaves the target as empty as it was. */
    public void restore(Path file, LibpqTarget target, Path pgpass) {
        run(
                List.of(
                        pgRestore.toString(),
                        "--no-owner",
                        "--no-privileges",
                        "--exit-on-error",
                        "--single-transaction",
                        "--dbname=" + target.uri(),
                        file.toString()),
                Map.of("PGPASSFILE", pgpass.toString()));
    }

    private static Optional<Path> find(String tool, String pgBin, String path) {
        List<String> directories = new ArrayList<>();
        if (!pgBin.isEmpty()) {
            directories.add(pgBin);
        } else {
            directories.addAll(List.of(path.split(File.pathSeparator, -1)));
        }
        return directories.stream()
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, tool))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static String run(List<String> command, Map<String, String> environment) {
        try {
            Path output = Files.createTempFile("callbackcloser-pgtool", ".log");
            try {
                ProcessBuilder builder =
                        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            command.get(0) + " did not finish within " + TIMEOUT_MINUTES + " minutes");
                }
                String printed = Files.readString(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " failed (exit "
                            + process.exitValue() + "): " + printed.strip());
                }
                return printed;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
