package com.callbackcloser.api.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs a check over many generated values, each from a seed of its own, and stops at the first that fails with
 * that try's seed and the command that runs it again, first. Every try's seed follows from the one before, so
 * {@code -Dhostile.seed=<the printed seed>} starts the same sequence at the failing value:
 *
 * <pre>
 * ./mvnw -B -ntp verify -pl callbackcloser-api -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test='TwilioWebhookFuzzIT#signedRandomFormsGetA4xxOrTwiml' -Dhostile.seed=-4152075622150117183
 * </pre>
 *
 * <p>{@code -Dhostile.tries=N} replaces every property's number of tries (1: just the printed case; 10 times the
 * usual for a soak). {@code -Dhostile.report=true} prints each property's tally when it passes. Without a seed,
 * each run draws a new one, so the properties keep exploring; a failure is reproducible from its printed seed.
 */
public final class Property {
    public static final String SEED = "hostile.seed";
    public static final String TRIES = "hostile.tries";
    public static final String REPORT = "hostile.report";
    /** Below this many tries a share proves nothing, so coverage is not checked (e.g. a re-run of one seed). */
    private static final int COVERAGE_SAMPLE = 100;

    private final int tries;
    private final Map<String, Integer> minimumPercentages = new LinkedHashMap<>();

    private Property(int tries) {
        this.tries = Integer.getInteger(TRIES, tries);
        if (this.tries < 1) {
            throw new IllegalArgumentException("at least one try: " + this.tries);
        }
    }

    public static Property tries(int tries) {
        return new Property(tries);
    }

    /**
     * At least this share of the tries must {@linkplain Tally#count count} the label as true, or the property
     * proves little (e.g. most requests refused before they reach the code under test).
     */
    public Property requireCoverage(String label, int minimumPercent) {
        minimumPercentages.put(label, minimumPercent);
        return this;
    }

    @FunctionalInterface
    public interface Check<T> {
        void accept(T value) throws Exception;
    }

    @FunctionalInterface
    public interface TalliedCheck<T> {
        void accept(T value, Tally tally) throws Exception;
    }

    public <T> void forAll(Gen<T> gen, Check<T> check) {
        forAll(gen, (T value, Tally tally) -> check.accept(value));
    }

    public <T> void forAll(Gen<T> gen, TalliedCheck<T> check) {
        String caller = caller();
        String given = System.getProperty(SEED);
        long firstSeed =
                given == null || given.isBlank() ? new SplittableRandom().nextLong() : Long.parseLong(given.strip());
        Tally tally = new Tally();
        long seed = firstSeed;
        for (int attempt = 1; attempt <= tries; attempt++, seed = nextSeed(seed)) {
            T value = null;
            try {
                value = gen.next(new SplittableRandom(seed));
                check.accept(value, tally);
            } catch (Throwable failure) { // an AssertionError, or anything the code under test threw
                String message = "property failed on try " + attempt + " of " + tries + ", seed " + seed
                        + "; run this case first with -D" + SEED + "=" + seed + " (" + rerun(caller, seed) + ")"
                        + "\n  value: " + Tally.shown(value)
                        + "\n  tally of the tries before: " + tally;
                throw new AssertionError(message, failure);
            }
        }
        if (tries >= COVERAGE_SAMPLE) {
            minimumPercentages.forEach((label, minimum) -> {
                double percent = tally.percentTrue(label, tries);
                if (percent < minimum) {
                    String message = "property covered too little: " + label + " in " + percent + "% of " + tries
                            + " tries, wanted " + minimum + "%; the run's seed was " + firstSeed + " ("
                            + rerun(caller, firstSeed) + ")\n  tally: " + tally;
                    throw new AssertionError(message);
                }
            });
        }
        if (Boolean.getBoolean(REPORT)) {
            System.out.println(caller + ": " + tries + " tries from seed " + firstSeed + ", tally " + tally);
        }
    }

    /** SplitMix64's step: consecutive seeds are unrelated, and each one determines all that follow it. */
    static long nextSeed(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The test method that called (a method of an XxxTest or XxxIT, not a lambda in it), as {@code Class#method}. */
    private static String caller() {
        return StackWalker.getInstance()
                .walk(frames -> frames.filter(f -> (f.getClassName().endsWith("Test")
                                        || f.getClassName().endsWith("IT"))
                                && !f.getMethodName().startsWith("lambda$"))
                        .findFirst()
                        .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "#"
                                + f.getMethodName())
                        .orElse("?"));
    }

    private static String rerun(String caller, long seed) {
        boolean integration = caller.contains("IT#");
        return "./mvnw -B -ntp verify -pl callbackcloser-api -am "
                + (integration ? "-Dtest=NONE -Dit.test='" + caller + "'" : "-Dtest='" + caller + "' -Dit.test=NONE")
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -D" + SEED + "="
                + seed;
    }
}
