package org.scforge.dsl;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What validation says about learning rules (docs/semantics.md section 12.1): one line naming layer and field. */
class StdpValidationTest {

    /** A valid rule for {@link #network}: weights sm2, codes -3..3. */
    static final Stdp RULE = StdpExamples.RULE;

    /** The worked example of section 12.7 with {@code hidden}'s rule and synapses. */
    static Network network(UnaryOperator<DenseLayer> hidden) {
        return StdpExamples.example(hidden);
    }

    private static void refused(UnaryOperator<DenseLayer> change, String message) {
        assertThatThrownBy(() -> network(change)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).containsExactly(message));
    }

    private static UnaryOperator<DenseLayer> rule(UnaryOperator<Stdp> change) {
        return l -> l.withLearning(change.apply(RULE));
    }

    @Test
    void aValidRuleIsKept() {
        Network n = network(UnaryOperator.identity());
        assertThat(n.layers().get(0).learning()).contains(RULE);
        assertThat(n.layers().get(0).learns()).isTrue();
        assertThat(n.layers().get(1).learning()).isEmpty();
        assertThat(n.summary()).contains("weights sm2 (learning: hidden), widths");
        assertThat(n.layers().get(0).withWeights(IntMatrix.zeros(2, 2), List.of(0, 0)).learning()).contains(RULE);
        assertThat(new DenseLayer("x", 1, new NeuronModel.Counter(), IntMatrix.zeros(1, 1), List.of(0),
                new WeightPlan("s", List.of(0), List.of(0, 0)), Synapse.AND, null).learning()).isEqualTo(Optional.empty());
    }

    @Test
    void onlyDenseIfLayersOfAndSynapsesLearn() {
        refused(l -> l.withSynapse(Synapse.XNOR),
                "layer 'hidden' learning: STDP learns on and synapses only (an xnor weight's sign lives in its stream); use Synapse.AND");
        assertThatThrownBy(() -> network(UnaryOperator.identity()).withLayers(List.of(
                network(UnaryOperator.identity()).layers().get(0),
                network(UnaryOperator.identity()).layers().get(1).withLearning(RULE.withSource("src_learn")))))
                .hasMessage("layer 'out' learning: a counter does not spike, so it cannot learn by STDP; give the rule to a"
                        + " dense if layer");
        NetworkBuilder conv = Network.named("c").image(4, 4, 1, Code.unsigned(2)).weights(2).bitstream(4)
                .conv("c1", 1, 2, 1, 0, Neuron.integrateAndFire(2)).dense("out", 2, Neuron.counter());
        Network built = conv.build();
        ConvLayer c1 = built.convLayers().get(0);
        assertThatThrownBy(() -> built.withImageLayers(List.of(c1.withKernel(c1.kernel().withLearning(
                Stdp.stochastic("src_out", 2, 2, 1, 1, 1, -3, 3))))))
                .hasMessage("layer 'c1' learning: conv layers do not learn (their weight streams are shared by every"
                        + " position); give the rule to a dense if layer");
    }

    @Test
    void probabilitiesFitTheirBits() {
        refused(rule(r -> r.withProbabilities(2, 4, 1)),
                "layer 'hidden' learning: pPlus 4 must be between 0 and 3 (a code of 2 probabilityBits)");
        refused(rule(r -> r.withProbabilities(2, 3, -1)),
                "layer 'hidden' learning: pMinus -1 must be between 0 and 3 (a code of 2 probabilityBits)");
        refused(rule(r -> r.withProbabilities(0, 0, 0)), "layer 'hidden' learning: probabilityBits 0 must be between 1 and 16");
        refused(rule(r -> r.withProbabilities(3, 7, 7)),
                "layer 'hidden' learning: source 'src_learn' is 2 bits wide but the codes need 3 for the probability codes;"
                        + " widen the source to at least 3");
    }

    @Test
    void boundsFitTheCodesAndHoldTheWeights() {
        refused(rule(r -> r.withBounds(-4, 3)), "layer 'hidden' learning: min -4 does not fit sm2; codes are -3..3");
        refused(rule(r -> r.withBounds(-3, 4)), "layer 'hidden' learning: max 4 does not fit sm2; codes are -3..3");
        refused(rule(r -> r.withBounds(2, 1)), "layer 'hidden' learning: min 2 is above max 1");
        refused(rule(r -> r.withBounds(-1, 1)), "layer 'hidden' learning: weight[0][1] = 2 lies outside min..max = -1..1;"
                + " learning keeps every weight within them, so they must start there");
    }

    @Test
    void stepAndWindowAreAtLeastOne() {
        refused(rule(r -> r.withStep(0)), "layer 'hidden' learning: step 0 must be between 1 and 6");
        refused(rule(r -> r.withWindow(0)), "layer 'hidden' learning: window 0 must be between 1 and 1048576 steps");
    }

    @Test
    void homeostasisFitsASixteenBitOffsetAndOneOffsetPerNeuron() {
        Stdp.Homeostasis h = Stdp.Homeostasis.of(1, 8, 100);
        assertThat(network(rule(r -> r.withHomeostasis(h.withOffsets(List.of(0, 100))))).layers().get(0).learning()
                .orElseThrow().thresholdOffset(1)).isEqualTo(100);
        refused(rule(r -> r.withHomeostasis(Stdp.Homeostasis.of(1, 8, 0))),
                "layer 'hidden' learning.homeostasis: limit 0 must be between 1 and 65535");
        refused(rule(r -> r.withHomeostasis(Stdp.Homeostasis.of(1, 8, 65_536))),
                "layer 'hidden' learning.homeostasis: limit 65536 must be between 1 and 65535");
        refused(rule(r -> r.withHomeostasis(Stdp.Homeostasis.of(101, 8, 100))),
                "layer 'hidden' learning.homeostasis: step 101 must be between 1 and the limit 100");
        refused(rule(r -> r.withHomeostasis(Stdp.Homeostasis.of(1, 0, 100))),
                "layer 'hidden' learning.homeostasis: decayFrames 0 must be between 1 and 1048576");
        refused(rule(r -> r.withHomeostasis(h.withOffsets(List.of(1, 2, 3)))),
                "layer 'hidden' learning.homeostasis: offsets has 3 values, the layer has 2 neurons (leave it out for all 0)");
        refused(rule(r -> r.withHomeostasis(h.withOffsets(List.of(1, 101)))),
                "layer 'hidden' learning.homeostasis: offsets[1] = 101 must be between 0 and the limit 100");
        refused(rule(r -> r.withHomeostasis(h.withOffsets(List.of(-1, 0)))),
                "layer 'hidden' learning.homeostasis: offsets[0] = -1 must be between 0 and the limit 100");
    }

    @Test
    void theLearningSourceIsItsOwn() {
        refused(rule(r -> r.withSource("src_hidden")), "layer 'hidden' learning: source 'src_hidden' is the layer's weight"
                + " source; update bits correlated with the weight streams bias the rule, give learning a source of its own");
        refused(rule(r -> r.withSource("src_in")), "layer 'hidden' learning: source 'src_in' is the source the layer's"
                + " inputs are made from; update bits correlated with the streams that caused the spike bias the rule,"
                + " give learning a source of its own");
        refused(rule(r -> r.withSource("nowhere")), "layer 'hidden' learning: source 'nowhere' does not exist; declare it"
                + " or use one of [src_in, src_hidden, src_learn, src_out]");
    }

    @Test
    void aLaterLayerMayNotLearnFromThePreviousLayersWeightSource() {
        NetworkBuilder deep = Network.named("deep").inputs(3, Code.unsigned(2)).weights(2).bitstream(8)
                .dense("h1", 2, Neuron.integrateAndFire(2))
                .dense("h2", 2, Neuron.integrateAndFire(2)).learning(Stdp.stochastic("src_h1", 2, 2, 1, 1, 1, -3, 3))
                .dense("out", 2, Neuron.counter()).sources(SourcePlan.lowDiscrepancy(8, 1));
        assertThatThrownBy(deep::build).hasMessage("layer 'h2' learning: source 'src_h1' is the source the layer's inputs"
                + " are made from; update bits correlated with the streams that caused the spike bias the rule, give"
                + " learning a source of its own");
    }

    @Test
    void theBuilderGivesTheRuleToTheLastDenseLayerAndAddsItsSource() {
        Network n = Network.named("b").inputs(3, Code.unsigned(2)).weights(2).bitstream(8)
                .sources(SourcePlan.lowDiscrepancy(8, 1))
                .dense("h", 2, Neuron.integrateAndFire(2)).learning(Stdp.stochastic("learn_h", 3, 2, 2, 1, 1, -3, 3))
                .dense("out", 2, Neuron.counter()).build();
        assertThat(n.layers().get(0).learning()).contains(Stdp.stochastic("learn_h", 3, 2, 2, 1, 1, -3, 3));
        assertThat(n.source("learn_h")).contains(new Source.Sobol("learn_h", 8, 4));
        assertThatThrownBy(() -> Network.named("b").inputs(3, Code.unsigned(2)).learning(RULE))
                .hasMessage("network 'b': learning(...) applies to the dense layer declared before it; call"
                        + " dense(name, neurons, neuron) first");
    }
}
