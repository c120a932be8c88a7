package org.scforge.dsl;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Widths#signedBits} and {@link Widths#unsignedBits} are minimal and sufficient (checked with
 * BigInteger arithmetic, not with the same shifts), and per-layer ranges are those of
 * docs/semantics.md, section 8.
 */
class WidthsProperties {

    @Property(tries = 1000)
    void unsignedBitsAreMinimalAndSufficient(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long max) {
        int bits = Widths.unsignedBits(max);
        BigInteger value = BigInteger.valueOf(max);
        assertThat(value).as("fits in %d bits", bits).isLessThan(BigInteger.ONE.shiftLeft(bits));
        if (bits > 1) {
            assertThat(value).as("does not fit in %d bits", bits - 1)
                    .isGreaterThanOrEqualTo(BigInteger.ONE.shiftLeft(bits - 1));
        }
    }

    @Property(tries = 1000)
    void signedBitsAreMinimalAndSufficient(@ForAll long a, @ForAll long b) {
        long min = Math.min(a, b);
        long max = Math.max(a, b);
        int bits = Widths.signedBits(min, max);
        assertThat(fitsSigned(min, max, bits)).as("%d..%d fits in %d bits", min, max, bits).isTrue();
        if (bits > 1) {
            assertThat(fitsSigned(min, max, bits - 1)).as("%d..%d fits in %d bits", min, max, bits - 1).isFalse();
        }
    }

    @Property(tries = 1000)
    void signedBitsOfSmallRanges(@ForAll @LongRange(min = -70000, max = 70000) long a,
                                 @ForAll @LongRange(min = -70000, max = 70000) long b) {
        signedBitsAreMinimalAndSufficient(a, b);
    }

    @Provide
    Arbitrary<Network> networks() {
        return RandomNetworks.networks();
    }

    @Property
    void layerRangesFollowTheSemantics(@ForAll("networks") Network net) {
        Widths widths = Widths.of(net);
        assertThat(widths.layers()).hasSameSizeAs(net.layers());
        long fanIn = net.inputs();
        for (int l = 0; l < net.layers().size(); l++) {
            DenseLayer layer = net.layers().get(l);
            Widths.LayerWidths w = widths.layer(l);
            long synapses = fanIn + 1;
            assertThat(w.layer()).isEqualTo(layer.name());
            assertThat(w.sumMin()).isEqualTo(-synapses);
            assertThat(w.sumMax()).isEqualTo(synapses);
            assertThat(w.popcountBits()).isEqualTo(unsignedBitsOf(synapses));
            assertThat(w.sumBits()).isEqualTo(signedBitsOf(-synapses, synapses));
            if (layer.neuron() instanceof NeuronModel.IntegrateAndFire n) {
                assertThat(w.stateMin()).isEqualTo(n.floor());
                assertThat(w.stateMax()).isEqualTo(n.ceiling());
                assertThat(w.stateBits()).isEqualTo(signedBitsOf(n.floor(), n.ceiling()));
                assertThat(w.workBits()).isEqualTo(signedBitsOf(Math.min(0, n.floor() - synapses),
                        Math.max(n.threshold(), n.ceiling() + synapses)));
            } else {
                long reach = synapses * net.length();
                assertThat(w.stateMin()).isEqualTo(-reach);
                assertThat(w.stateMax()).isEqualTo(reach);
                assertThat(w.stateBits()).isEqualTo(signedBitsOf(-reach, reach)).isLessThanOrEqualTo(32);
            }
            fanIn = layer.neurons();
        }
    }

    @Property
    void widthsDoNotDependOnWeights(@ForAll("networks") Network net) {
        Network zero = net.withLayers(net.layers().stream()
                .map(l -> l.withWeights(IntMatrix.zeros(l.neurons(), l.fanIn()),
                        java.util.Collections.nCopies(l.neurons(), 0)))
                .toList());
        assertThat(Widths.of(zero)).isEqualTo(Widths.of(net));
    }

    @Property
    void summaryNamesEveryLayer(@ForAll("networks") Network net) {
        Assume.that(!net.layers().isEmpty());
        String summary = net.summary();
        assertThat(summary).startsWith(net.name() + ": ").doesNotContain("\n");
        net.layers().forEach(l -> assertThat(summary).contains(l.name() + " sum "));
        // a counter shows its count, an integrate-and-fire layer its membrane, whatever their widths
        for (int i = 0; i < net.layers().size(); i++) {
            DenseLayer l = net.layers().get(i);
            Widths.LayerWidths w = Widths.of(net).layer(i);
            assertThat(summary).contains(l.name() + " sum " + w.sumBits() + "b " + (l.isReadout()
                    ? "count " + w.stateBits() + "b"
                    : "membrane " + w.stateBits() + "b/work " + w.workBits() + "b"));
        }
    }

    /** The membrane of an integrate-and-fire layer as wide as its work register is still a membrane. */
    @org.junit.jupiter.api.Test
    void aWideMembraneIsNotShownAsACount() {
        Network net = Network.named("wide").inputs(2, Code.signMagnitude(3)).weights(3).bitstream(8)
                .dense("hidden", 2, new NeuronModel.IntegrateAndFire(2, -1000, 900, 0))
                .dense("out", 2, Neuron.counter())
                .build();
        Widths.LayerWidths hidden = Widths.of(net).layer(0);
        assertThat(hidden.stateBits()).isEqualTo(hidden.workBits());
        assertThat(net.summary()).contains("hidden sum 3b membrane 11b/work 11b", "out sum 3b count ");
    }

    private static boolean fitsSigned(long min, long max, int bits) {
        BigInteger low = BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger high = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
        return BigInteger.valueOf(min).compareTo(low) >= 0 && BigInteger.valueOf(max).compareTo(high) <= 0;
    }

    /** Two's-complement bits: BigInteger.bitLength excludes the sign bit. */
    private static int signedBitsOf(long min, long max) {
        return Math.max(BigInteger.valueOf(min).bitLength(), BigInteger.valueOf(max).bitLength()) + 1;
    }

    private static int unsignedBitsOf(long max) {
        return Math.max(1, BigInteger.valueOf(max).bitLength());
    }
}
