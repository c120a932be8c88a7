package org.scforge.dsl;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tabulated taps give maximal-length registers (period exactly 2^n - 1, every non-zero state). */
class LfsrTapsProperties {

    /** Runs the register from state 1 until it returns, checking that it never repeats a state earlier. */
    @Property(tries = 19, generation = net.jqwik.api.GenerationMode.EXHAUSTIVE)
    void tabulatedWidthsUpTo20HaveFullPeriod(@ForAll @IntRange(min = 2, max = 20) int width) {
        List<Integer> taps = LfsrTaps.maximal(width);
        long full = (1L << width) - 1;
        long state = 1;
        long period = 0;
        boolean[] seen = new boolean[1 << width];
        do {
            assertThat(state).as("width %d: state in 1..2^n-1", width).isBetween(1L, full);
            assertThat(seen[(int) state]).as("width %d: state %d repeats after %d steps", width, state, period).isFalse();
            seen[(int) state] = true;
            state = LfsrTaps.step(state, width, taps);
            period++;
        } while (state != 1 && period <= full);
        assertThat(period).as("width %d period", width).isEqualTo(full);
    }

    @Property(tries = 31, generation = net.jqwik.api.GenerationMode.EXHAUSTIVE)
    void everyWidthsTapsStartWithTheWidthAndAreDistinctPositions(@ForAll @IntRange(min = 2, max = 32) int width) {
        List<Integer> taps = LfsrTaps.maximal(width);
        assertThat(taps).isNotEmpty();
        assertThat(taps.get(0)).isEqualTo(width);
        assertThat(taps).allSatisfy(t -> assertThat(t).isBetween(1, width));
        Set<Integer> distinct = new HashSet<>(taps);
        assertThat(distinct).hasSameSizeAs(taps);
        assertThat(taps.size() % 2).as("an even number of taps (2 or 4), as in XAPP052").isZero();
    }

    @Property
    void untabulatedWidthsAreRefused(@ForAll int width) {
        net.jqwik.api.Assume.that(width < LfsrTaps.MIN_WIDTH || width > LfsrTaps.MAX_WIDTH);
        assertThatThrownBy(() -> LfsrTaps.maximal(width)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LFSR width " + width);
    }

    @Property(tries = 50)
    void stepIsTheDocumentedShiftAndXor(@ForAll @IntRange(min = 2, max = 32) int width,
                                        @ForAll @net.jqwik.api.constraints.LongRange(min = 1) long anyState) {
        long state = anyState & ((1L << width) - 1);
        List<Integer> taps = LfsrTaps.maximal(width);
        int feedback = 0;
        for (int tap : taps) {
            feedback ^= (int) ((state >> (tap - 1)) & 1);
        }
        long expected = ((state << 1) | feedback) % (1L << width);
        assertThat(LfsrTaps.step(state, width, taps)).isEqualTo(expected);
    }
}
