package com.callbackcloser.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The property runner the hostile-input tests stand on: a failure names its seed, and that seed replays it. */
class PropertyTest {
    private static final Pattern SEED = Pattern.compile("-Dhostile\\.seed=(-?\\d+)");

    @AfterEach
    void forgetTheSeed() {
        System.clearProperty(Property.SEED);
    }

    @Test
    void aFailureNamesItsSeedAndTheSeedRunsTheSameValueFirst() {
        Gen<String> words = Gen.strings(Gen.charsOf("abcdefgh"), 0, 12);
        List<String> tried = new ArrayList<>();

        AssertionError failure = catchThrowableOfType(
                AssertionError.class,
                () -> Property.tries(10_000).forAll(words, word -> {
                    tried.add(word);
                    assertThat(word).doesNotContain("bad");
                }));

        String failing = tried.get(tried.size() - 1);
        assertThat(failing).contains("bad");
        assertThat(failure)
                .hasMessageContaining("property failed on try " + tried.size() + " of 10000")
                .hasMessageContaining("value: " + failing)
                .hasMessageContaining("-Dtest='PropertyTest#aFailureNamesItsSeedAndTheSeedRunsTheSameValueFirst'");
        assertThat(failure.getCause()).hasMessageContaining("bad");
        Matcher seed = SEED.matcher(failure.getMessage());
        assertThat(seed.find()).isTrue();

        System.setProperty(Property.SEED, seed.group(1));
        List<String> replayed = new ArrayList<>();
        Property.tries(3).forAll(words, word -> replayed.add(word));

        assertThat(replayed.get(0)).isEqualTo(failing);
    }

    @Test
    void theSameSeedMakesTheSameValuesAndEachTryItsOwn() {
        Gen<List<Integer>> lists = Gen.ints(0, 1_000_000).list(1, 5);
        System.setProperty(Property.SEED, "42");
        List<List<Integer>> first = new ArrayList<>();
        List<List<Integer>> second = new ArrayList<>();

        Property.tries(50).forAll(lists, list -> first.add(list));
        Property.tries(50).forAll(lists, list -> second.add(list));

        assertThat(second).isEqualTo(first);
        assertThat(first).doesNotHaveDuplicates();
    }

    @Test
    void tooLittleCoverageFailsWithTheRunsSeed() {
        assertThatThrownBy(() -> Property.tries(200)
                        .requireCoverage("even", 60)
                        .forAll(Gen.ints(0, 9), (n, tally) -> tally.count("even", n % 2 == 0)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("property covered too little: even in")
                .hasMessageMatching("(?s).*-Dhostile\\.seed=-?\\d+.*");
    }

    @Test
    void weightsAndBoundsAreKept() {
        Gen<String> weighted = Gen.frequency(Gen.weight(9, Gen.constant("often")), Gen.weight(1, Gen.constant("rare")));
        Gen<Integer> bounded = Gen.ints(Integer.MAX_VALUE - 2, Integer.MAX_VALUE);
        List<String> picks = new ArrayList<>();
        List<Integer> ints = new ArrayList<>();

        Property.tries(2_000).forAll(random -> List.of(weighted.next(random), bounded.next(random)), pair -> {
            picks.add((String) pair.get(0));
            ints.add((Integer) pair.get(1));
        });

        assertThat(picks.stream().filter("rare"::equals).count()).isBetween(100L, 320L);
        assertThat(ints).allMatch(i -> i >= Integer.MAX_VALUE - 2).contains(Integer.MAX_VALUE);
    }
}
