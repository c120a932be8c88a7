package org.scforge.dsl;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Whatever numbers the builder is given, it returns promptly with a valid network or refuses with a
 * {@link ValidationException} that says what is wrong: no hang, no arithmetic exception.
 * <p>
 * The time bound is a hang detector, not a speed check: a try takes milliseconds, and {@link #HANG}
 * leaves room for a shared machine that stalls. Shrinking is off, because shrinking a timeout retries
 * for the whole bound each time: a CI run on a stalled machine once spent 512 s shrinking one such try
 * (every step timing out) into a sample that builds in 16 ms.
 */
class BuilderRobustnessProperties {

    private static final Duration HANG = Duration.ofSeconds(60);

    @Property(tries = 300, shrinking = ShrinkingMode.OFF)
    void anyParametersBuildOrAreRefusedWithAReason(@ForAll @IntRange(min = -2, max = 6) int inputs,
                                                   @ForAll @IntRange(min = 1, max = 16) int codeBits,
                                                   @ForAll @IntRange(min = -70, max = 70) int weightBits,
                                                   @ForAll @IntRange(min = -2, max = 300) int length,
                                                   @ForAll boolean lfsr,
                                                   @ForAll @IntRange(min = -70, max = 70) int planWidth,
                                                   @ForAll long seed,
                                                   @ForAll @IntRange(min = -2, max = 4) int threshold,
                                                   @ForAll @IntRange(min = -1, max = 3) int neurons) {
        Throwable thrown = assertTimeoutPreemptively(HANG, () -> catchThrowable(() -> {
            Network net = Network.named("n").inputs(inputs, Code.unsigned(codeBits)).weights(weightBits)
                    .bitstream(length)
                    .sources(lfsr ? SourcePlan.lfsr(planWidth, seed) : SourcePlan.lowDiscrepancy(planWidth, seed))
                    .dense("hidden", neurons, Neuron.integrateAndFire(threshold))
                    .dense("out", 2, Neuron.counter())
                    .build();
            assertThat(net.weightBits()).isEqualTo(weightBits);
        }));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(ValidationException.class);
            assertThat(thrown.getMessage()).isNotBlank().doesNotContain("\n");
        }
    }

    /** The same for conv layers: any geometry builds a network whose shapes chain, or is refused with a reason. */
    @Property(tries = 300, shrinking = ShrinkingMode.OFF)
    void anyConvGeometryBuildsOrIsRefusedWithAReason(@ForAll @IntRange(min = -1, max = 7) int height,
                                                     @ForAll @IntRange(min = -1, max = 7) int width,
                                                     @ForAll @IntRange(min = -1, max = 3) int channels,
                                                     @ForAll @IntRange(min = -1, max = 4) int outChannels,
                                                     @ForAll @IntRange(min = -1, max = 5) int kernel,
                                                     @ForAll @IntRange(min = -1, max = 4) int stride,
                                                     @ForAll @IntRange(min = -1, max = 4) int padding,
                                                     @ForAll boolean secondConv,
                                                     @ForAll boolean counter) {
        Throwable thrown = assertTimeoutPreemptively(HANG, () -> catchThrowable(() -> {
            NetworkBuilder builder = Network.named("n").image(height, width, channels, Code.unsigned(4)).weights(3)
                    .bitstream(16).conv("c1", outChannels, kernel, stride, padding,
                            counter ? Neuron.counter() : Neuron.integrateAndFire(2));
            if (secondConv) {
                builder.conv("c2", 2, 1, 1, 0, Neuron.integrateAndFire(2));
            }
            Network net = builder.dense("out", 2, Neuron.counter()).build();
            ConvLayer last = net.convLayers().get(net.convLayers().size() - 1);
            assertThat(net.layers().get(0).fanIn()).isEqualTo(last.neurons());
            assertThat(net.convLayers().get(0).input().count()).isEqualTo(net.inputs());
            assertThat(last.output().height()).isPositive();
            assertThat(last.output().width()).isPositive();
        }));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(ValidationException.class);
            assertThat(thrown.getMessage()).isNotBlank().doesNotContain("\n");
        }
    }
}
