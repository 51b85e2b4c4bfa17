package com.callbackcloser.api.testing;

import com.callbackcloser.api.CallbackCloserApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Runs the application's commands in this JVM, as an operator would from a shell. */
public final class CommandLine {
    private CommandLine() {}

    /** What a command printed, and whether it failed (exit status non-zero). */
    public record Run(String out, String err, Throwable failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    /**
     * Runs a command. Dropwizard's test support passes config overrides as {@code dw.*} system properties, which
     * every configuration parsed in this JVM would pick up; they are set aside while the command runs, so it
     * reads its own file only.
     */
    public static Run run(String... args) {
        Properties overrides = new Properties();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("dw.")) {
                overrides.setProperty(name, System.getProperty(name));
                System.clearProperty(name);
            }
        }
        try {
            return runAsIs(args);
        } finally {
            overrides.forEach((name, value) -> System.setProperty((String) name, (String) value));
        }
    }

    private static Run runAsIs(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Throwable[] failure = new Throwable[1];
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            new CallbackCloserApplication() {
                @Override
                protected void onFatalError(Throwable t) {
                    failure[0] = t;
                }
            }.run(args);
        } catch (Exception e) {
            failure[0] = e;
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), failure[0]);
    }

    /** A configuration file with this YAML, for one command run. */
    public static Path config(String yaml) {
        try {
            Path file = Files.createTempFile("callbackcloser", ".yml");
            Files.writeString(file, yaml);
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
