package org.scforge.sim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.scforge.dsl.LfsrTaps;
import org.scforge.dsl.SobolDirections;
import org.scforge.dsl.Source;

import static org.assertj.core.api.Assertions.assertThat;

/** Periods, coverage and SNG firing counts of the number sources (docs/semantics.md sections 3 and 4). */
class SourceProperties {

    @Test
    void lfsrHasPeriodTwoToTheNMinusOneAndVisitsEveryNonzeroValueOnce() {
        for (int n = LfsrTaps.MIN_WIDTH; n <= 16; n++) {
            int period = (1 << n) - 1;
            long[] r = SourceSequence.values(Source.Lfsr.maximal("l", n, 1), period + 1);
            assertThat(r[period]).as("width %d returns to its seed after 2^n-1 steps", n).isEqualTo(r[0]);
            int[] seen = new int[1 << n];
            for (int t = 0; t < period; t++) {
                seen[(int) r[t]]++;
            }
            assertThat(seen[0]).as("width %d never visits 0", n).isZero();
            for (int value = 1; value < seen.length; value++) {
                assertThat(seen[value]).as("width %d visits %d", n, value).isEqualTo(1);
            }
        }
    }

    @Test
    void vdcAndSobolHavePeriodTwoToTheNAndVisitEveryValueOnce() {
        for (int n = 1; n <= 16; n++) {
            assertPeriodicPermutation(new Source.VanDerCorput("v", n), n);
            for (int d = 1; d <= SobolDirections.MAX_DIMENSION; d++) {
                assertPeriodicPermutation(new Source.Sobol("s", n, d), n);
            }
        }
    }

    private static void assertPeriodicPermutation(Source source, int n) {
        int period = 1 << n;
        long[] r = SourceSequence.values(source, 2 * period);
        int[] seen = new int[period];
        for (int t = 0; t < period; t++) {
            assertThat(r[t + period]).as("%s repeats after 2^%d steps", source, n).isEqualTo(r[t]);
            seen[(int) r[t]]++;
        }
        for (int value = 0; value < period; value++) {
            assertThat(seen[value]).as("%s visits %d once per period", source, value).isEqualTo(1);
        }
    }

    /** Over a full period of a k-bit vdc/Sobol source, {@code code > (r ^ mask)} fires exactly {@code code} times. */
    @Test
    void lowDiscrepancySngFiresExactlyCodeTimesForEveryCodeAndMask() {
        for (int k = 1; k <= 8; k++) {
            for (Source source : new Source[] {new Source.VanDerCorput("v", k), new Source.Sobol("s", k, 3)}) {
                long[] r = SourceSequence.values(source, 1 << k);
                for (int mask = 0; mask < (1 << k); mask++) {
                    for (int code = 0; code < (1 << k); code++) {
                        assertThat(fires(r, code, mask)).as("%s code %d mask %d", source, code, mask).isEqualTo(code);
                    }
                }
            }
        }
    }

    /**
     * Over a full period an LFSR visits every value but 0, so {@code r ^ mask} visits every value but
     * {@code mask}: the SNG fires {@code code - 1} times when {@code mask < code}, else {@code code} times.
     */
    @Test
    void lfsrSngFiresCodeTimesLessOneWhenTheMissingValueIsBelowTheCode() {
        for (int k = LfsrTaps.MIN_WIDTH; k <= 8; k++) {
            long[] r = SourceSequence.values(Source.Lfsr.maximal("l", k, 1), (1 << k) - 1);
            for (int mask = 0; mask < (1 << k); mask++) {
                for (int code = 0; code < (1 << k); code++) {
                    int expected = mask < code ? code - 1 : code;
                    assertThat(fires(r, code, mask)).as("width %d code %d mask %d", k, code, mask).isEqualTo(expected);
                }
            }
        }
    }

    /** The same counts for wide sources, at random codes and masks. */
    @Property(tries = 60)
    void sngCountsHoldForWideSources(@ForAll @IntRange(min = 9, max = 16) int k,
                                     @ForAll @IntRange(min = 1, max = 16) int dimension,
                                     @ForAll @IntRange(min = 0, max = 65535) int codeSeed,
                                     @ForAll @IntRange(min = 0, max = 65535) int maskSeed) {
        int code = codeSeed & ((1 << k) - 1);
        int mask = maskSeed & ((1 << k) - 1);
        assertThat(fires(SourceSequence.values(new Source.Sobol("s", k, dimension), 1 << k), code, mask))
                .isEqualTo(code);
        assertThat(fires(SourceSequence.values(new Source.VanDerCorput("v", k), 1 << k), code, mask))
                .isEqualTo(code);
        assertThat(fires(SourceSequence.values(Source.Lfsr.maximal("l", k, 1 + maskSeed % ((1 << k) - 1)),
                (1 << k) - 1), code, mask)).isEqualTo(mask < code ? code - 1 : code);
    }

    private static int fires(long[] r, int code, int mask) {
        int count = 0;
        for (long value : r) {
            if (code > (value ^ mask)) {
                count++;
            }
        }
        return count;
    }
}
