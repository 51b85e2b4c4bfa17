package com.callbackcloser.api.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * A generator of test values: a function of a seeded random source, so the same seed gives the same value (see
 * {@link Property}, which runs a check over many of them and prints the seed of the one that fails). Composed
 * with plain lambdas: {@code random -> new Post(paths.next(random), forms.next(random))}.
 *
 * <p>No shrinking: a failure shows the value as generated. The generators here weight the short and the strange
 * explicitly instead, so failing values tend to be small anyway.
 */
@FunctionalInterface
public interface Gen<T> {
    /** The range of sizes above the minimum that most values get (see {@link #size}). */
    int SMALL = 32;

    T next(RandomGenerator random);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        return random -> mapper.apply(next(random));
    }

    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> mapper) {
        return random -> mapper.apply(next(random)).next(random);
    }

    /** Only the values that pass; a filter that passes almost nothing is a bug in the test, and says so. */
    default Gen<T> filter(Predicate<? super T> accepted) {
        return random -> {
            for (int attempt = 0; attempt < 10_000; attempt++) {
                T value = next(random);
                if (accepted.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("the filter refused 10,000 values in a row");
        };
    }

    /** Lists of these values, of a length between the bounds (inclusive; see {@link #size}). */
    default Gen<List<T>> list(int minSize, int maxSize) {
        return random -> {
            int size = size(random, minSize, maxSize);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    default Gen<Optional<T>> optional() {
        return map(Optional::of);
    }

    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        List<T> choices = new ArrayList<>(values.length);
        for (T value : values) { // not List.of(values): a @SafeVarargs method never hands its array on
            choices.add(value);
        }
        return of(choices);
    }

    static <T> Gen<T> of(List<? extends T> values) {
        List<? extends T> choices = List.copyOf(values);
        return random -> choices.get(random.nextInt(choices.size()));
    }

    static <E extends Enum<E>> Gen<E> of(Class<E> type) {
        return of(type.getEnumConstants());
    }

    static Gen<Boolean> booleans() {
        return RandomGenerator::nextBoolean;
    }

    /** Between the bounds, both included. */
    static Gen<Integer> ints(int min, int max) {
        return random -> (int) random.nextLong(min, (long) max + 1);
    }

    /** Any int, a quarter of them the edges (0, ±1, the extremes) and a quarter small ones. */
    static Gen<Integer> ints() {
        Gen<Integer> edges =
                of(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1);
        return frequency(weight(1, edges), weight(1, ints(-1_000, 1_000)), weight(2, RandomGenerator::nextInt));
    }

    /** Between the bounds, both included. */
    static Gen<Long> longs(long min, long max) {
        if (max < Long.MAX_VALUE) {
            return random -> random.nextLong(min, max + 1);
        }
        return min == Long.MIN_VALUE ? RandomGenerator::nextLong : random -> random.nextLong(min - 1, max) + 1;
    }

    /** Any long, a quarter of them the edges (0, ±1, the extremes) and a quarter small ones. */
    static Gen<Long> longs() {
        Gen<Long> edges = of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1);
        return frequency(weight(1, edges), weight(1, longs(-1_000, 1_000)), weight(2, RandomGenerator::nextLong));
    }

    /** Version 4 UUIDs drawn from the seed, so a re-run with the seed sends the same ids. */
    static Gen<UUID> uuids() {
        return random -> {
            long high = (random.nextLong() & ~0xf000L) | 0x4000L;
            long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
            return new UUID(high, low);
        };
    }

    /** Characters between the bounds, both included (any UTF-16 unit, lone surrogates too). */
    static Gen<Character> chars(char min, char max) {
        return random -> (char) random.nextInt(min, max + 1);
    }

    /** One of the characters of the alphabet. */
    static Gen<Character> charsOf(String alphabet) {
        return random -> alphabet.charAt(random.nextInt(alphabet.length()));
    }

    /** Strings of these characters, of a length between the bounds (inclusive; see {@link #size}). */
    static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
        return random -> {
            int length = size(random, minLength, maxLength);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(chars.next(random).charValue());
            }
            return text.toString();
        };
    }

    /** Random bytes, of a length between the bounds (inclusive; see {@link #size}). */
    static Gen<byte[]> bytes(int minLength, int maxLength) {
        return random -> {
            byte[] bytes = new byte[size(random, minLength, maxLength)];
            random.nextBytes(bytes);
            return bytes;
        };
    }

    /**
     * A size between the bounds (inclusive), as a fuzzer wants them: mostly within {@value #SMALL} of the minimum,
     * where failures are cheap to find and to read; one in ten anywhere up to the maximum; one in fifty the
     * maximum itself. A uniform pick would make most values of a wide range huge, and most tries slow.
     */
    static int size(RandomGenerator random, int min, int max) {
        if (max - min <= SMALL) {
            return random.nextInt(min, max + 1);
        }
        double roll = random.nextDouble();
        if (roll < 0.02) {
            return max;
        }
        if (roll < 0.12) {
            return random.nextInt(min + SMALL + 1, max + 1);
        }
        return random.nextInt(min, min + SMALL + 1);
    }

    /** Each generator equally likely. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... choices) {
        List<Gen<? extends T>> all = new ArrayList<>(choices.length);
        for (Gen<? extends T> choice : choices) {
            all.add(choice);
        }
        return random -> all.get(random.nextInt(all.size())).next(random);
    }

    /** A generator and how often it is picked, relative to the others of a {@link #frequency}. */
    record Weighted<T>(int weight, Gen<? extends T> gen) {
        public Weighted {
            if (weight <= 0) {
                throw new IllegalArgumentException("a weight must be positive: " + weight);
            }
        }
    }

    static <T> Weighted<T> weight(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** Picks one of the generators, each in proportion to its weight. */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> all = new ArrayList<>(choices.length);
        for (Weighted<? extends T> choice : choices) {
            all.add(choice);
        }
        int total = all.stream().mapToInt(Weighted::weight).sum();
        return random -> {
            int pick = random.nextInt(total);
            for (Weighted<? extends T> choice : all) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.gen().next(random);
                }
            }
            throw new AssertionError("unreachable: the weights add up to " + total);
        };
    }
}
