package org.scforge.dsl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small worked examples of docs/semantics.md that define a term rather than a run: Sobol direction
 * numbers past the table's initial values (section 3) and the unsigned and signed bits of a range
 * (section 8). An implementer who follows the text gets these numbers.
 */
class ContractExamplesTest {

    @Test
    void sobolDirectionsFollowJoeAndKuosRecurrence() {
        assertThat(SobolDirections.directions(2, 3)).containsExactly(4, 6, 5);
        assertThat(SobolDirections.directions(3, 4)).containsExactly(8, 12, 6, 9);
        // dimension 1: every m_i = 1, so v_i is the single bit n - 1 - i
        assertThat(SobolDirections.directions(1, 4)).containsExactly(8, 4, 2, 1);
        // a width below the degree uses the first n initial values (dimension 16: s = 6, m = 1 3 1 13 27 49)
        assertThat(SobolDirections.directions(16, 3)).containsExactly(4, 6, 1);
    }

    @Test
    void unsignedAndSignedBitsAreTheSectionEightDefinitions() {
        assertThat(Widths.unsignedBits(0)).isEqualTo(1);
        assertThat(Widths.unsignedBits(1)).isEqualTo(1);
        assertThat(Widths.unsignedBits(6)).isEqualTo(3);
        assertThat(Widths.signedBits(0, 1)).isEqualTo(2);
        assertThat(Widths.signedBits(-4, 3)).isEqualTo(3);
        assertThat(Widths.signedBits(-5, 0)).isEqualTo(4);
    }
}
