package org.scforge.harness.junit;

import org.scforge.dsl.Network;
import org.scforge.harness.DutSources;

/** A design together with the network it was generated from, for tests that compare with the golden model. */
public record DesignUnderTest(Network network, DutSources rtl) {
}
