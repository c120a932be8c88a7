package org.scforge.generators;

import org.scforge.dsl.Network;
import org.scforge.dsl.Stdp;
import org.scforge.dsl.StdpExamples;

/**
 * The network {@code stdpexample} of docs/semantics.md section 12.7 ({@link StdpExamples}), the worked example of
 * docs/rtl.md "Learning layers", with the codes of its two frames.
 */
public final class StdpExampleNetwork {

    /** Its rule: window 2, kp = 2, pPlus 3, pMinus 1, step 1, bounds -3 .. 3, winner-take-all. */
    public static final Stdp RULE = StdpExamples.RULE;
    /** The codes of the example's two frames. */
    public static final int[] FIRST = {3, 1};
    public static final int[] SECOND = {1, 3};

    private StdpExampleNetwork() {
    }

    public static Network network() {
        return StdpExamples.example();
    }

    /** The example of semantics section 12.5: the network with homeostasis step 1, decayFrames 2, limit 3. */
    public static Network adaptive() {
        return StdpExamples.adaptive();
    }
}
