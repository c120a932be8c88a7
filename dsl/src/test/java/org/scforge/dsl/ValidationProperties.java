package org.scforge.dsl;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every kind of invalid field is refused when the {@link Network} is constructed, with a problem that
 * names where (layer or source), the field and the value: nothing invalid reaches the IR.
 */
@net.jqwik.api.PropertyDefaults(tries = 100)
class ValidationProperties {

    @Provide
    Arbitrary<Network> networks() {
        return RandomNetworks.networks();
    }

    // ---- neurons ---------------------------------------------------------------------------------

    @Property
    void thresholdBelowOneIsRefused(@ForAll("networks") Network net, @ForAll @IntRange(min = -5, max = 0) int threshold) {
        DenseLayer hidden = firstHidden(net);
        NeuronModel.IntegrateAndFire n = (NeuronModel.IntegrateAndFire) hidden.neuron();
        rejects(() -> replace(net, 0, hidden.withNeuron(new NeuronModel.IntegrateAndFire(threshold, n.floor(),
                n.ceiling(), n.leakShift()))), "layer '" + hidden.name() + "'", "threshold " + threshold);
    }

    @Property
    void positiveFloorIsRefused(@ForAll("networks") Network net, @ForAll @IntRange(min = 1, max = 50) int floor) {
        DenseLayer hidden = firstHidden(net);
        NeuronModel.IntegrateAndFire n = (NeuronModel.IntegrateAndFire) hidden.neuron();
        rejects(() -> replace(net, 0, hidden.withNeuron(n.floor(floor))),
                "layer '" + hidden.name() + "'", "floor " + floor);
    }

    @Property
    void negativeCeilingIsRefused(@ForAll("networks") Network net, @ForAll @IntRange(min = -50, max = -1) int ceiling) {
        DenseLayer hidden = firstHidden(net);
        NeuronModel.IntegrateAndFire n = (NeuronModel.IntegrateAndFire) hidden.neuron();
        rejects(() -> replace(net, 0, hidden.withNeuron(n.ceiling(ceiling))),
                "layer '" + hidden.name() + "'", "ceiling " + ceiling);
    }

    @Property
    void lastLayerMustCount(@ForAll("networks") Network net) {
        int last = net.layers().size() - 1;
        DenseLayer out = net.readout();
        rejects(() -> replace(net, last, out.withNeuron(Neuron.integrateAndFire(4))),
                "layer '" + out.name() + "'", "last layer must be a counting readout");
    }

    @Property
    void onlyTheLastLayerMayCount(@ForAll("networks") Network net) {
        DenseLayer hidden = firstHidden(net);
        rejects(() -> replace(net, 0, hidden.withNeuron(Neuron.counter())),
                "layer '" + hidden.name() + "'", "only the last layer");
    }

    // ---- weights ---------------------------------------------------------------------------------

    @Property
    void weightOutOfRangeIsRefused(@ForAll("networks") Network net, @ForAll int layerPick, @ForAll int cellPick,
                                   @ForAll @IntRange(min = 1, max = 1000) int excess, @ForAll boolean negative) {
        int l = Math.floorMod(layerPick, net.layers().size());
        DenseLayer layer = net.layers().get(l);
        int cell = Math.floorMod(cellPick, layer.neurons() * layer.fanIn());
        int j = cell / layer.fanIn();
        int i = cell % layer.fanIn();
        int value = (net.weightCode().maxMagnitude() + excess) * (negative ? -1 : 1);
        int[][] rows = layer.weights().toArray();
        rows[j][i] = value;
        rejects(() -> replace(net, l, layer.withWeights(IntMatrix.of(rows), layer.bias())),
                "layer '" + layer.name() + "'", "weight[" + j + "][" + i + "] = " + value);
    }

    @Property
    void biasOutOfRangeIsRefused(@ForAll("networks") Network net, @ForAll int layerPick, @ForAll int neuronPick,
                                 @ForAll @IntRange(min = 1, max = 1000) int excess, @ForAll boolean negative) {
        int l = Math.floorMod(layerPick, net.layers().size());
        DenseLayer layer = net.layers().get(l);
        int j = Math.floorMod(neuronPick, layer.neurons());
        int value = (net.weightCode().maxMagnitude() + excess) * (negative ? -1 : 1);
        List<Integer> bias = new ArrayList<>(layer.bias());
        bias.set(j, value);
        rejects(() -> replace(net, l, layer.withWeights(layer.weights(), bias)),
                "layer '" + layer.name() + "'", "bias[" + j + "] = " + value);
    }

    @Property
    void wrongMatrixShapeIsRefused(@ForAll("networks") Network net, @ForAll int layerPick,
                                   @ForAll @IntRange(min = -1, max = 1) int extraRows,
                                   @ForAll @IntRange(min = -1, max = 1) int extraCols) {
        Assume.that(extraRows != 0 || extraCols != 0);
        int l = Math.floorMod(layerPick, net.layers().size());
        DenseLayer layer = net.layers().get(l);
        int rows = layer.neurons() + extraRows;
        int cols = layer.fanIn() + extraCols;
        Assume.that(rows >= 1 && cols >= 1);
        rejects(() -> replace(net, l, layer.withWeights(IntMatrix.zeros(rows, cols), layer.bias())),
                "layer '" + layer.name() + "'", "weights are " + rows + "x" + cols,
                "must be " + layer.neurons() + "x" + layer.fanIn());
    }

    @Property
    void biasOfWrongLengthIsRefused(@ForAll("networks") Network net) {
        DenseLayer out = net.readout();
        List<Integer> bias = new ArrayList<>(out.bias());
        bias.add(0);
        rejects(() -> replace(net, net.layers().size() - 1, out.withWeights(out.weights(), bias)),
                "layer '" + out.name() + "'", "bias has " + bias.size() + " values");
    }

    // ---- masks and sources -----------------------------------------------------------------------

    @Property
    void inputMaskOutOfRangeIsRefused(@ForAll("networks") Network net, @ForAll int inputPick,
                                      @ForAll @IntRange(min = 0, max = 100) int excess, @ForAll boolean negative) {
        int i = Math.floorMod(inputPick, net.inputs());
        int value = negative ? -1 - excess : (1 << net.inputCode().magnitudeBits()) + excess;
        List<Integer> masks = new ArrayList<>(net.inputPlan().masks());
        masks.set(i, value);
        rejects(() -> new Network(net.name(), net.inputs(), net.inputCode(), net.weightBits(), net.length(),
                        net.sources(), new InputPlan(net.inputPlan().source(), masks), net.layers()),
                "input plan", "masks[" + i + "] = " + value);
    }

    @Property
    void weightMaskOutOfRangeIsRefused(@ForAll("networks") Network net, @ForAll int layerPick, @ForAll int pick,
                                       @ForAll boolean neuronMask, @ForAll @IntRange(min = 0, max = 100) int excess) {
        int l = Math.floorMod(layerPick, net.layers().size());
        DenseLayer layer = net.layers().get(l);
        WeightPlan plan = layer.plan();
        List<Integer> neuronMasks = new ArrayList<>(plan.neuronMasks());
        List<Integer> inputMasks = new ArrayList<>(plan.inputMasks());
        List<Integer> changed = neuronMask ? neuronMasks : inputMasks;
        int index = Math.floorMod(pick, changed.size());
        int value = (1 << net.weightBits()) + excess;
        changed.set(index, value);
        DenseLayer bad = new DenseLayer(layer.name(), layer.neurons(), layer.neuron(), layer.weights(), layer.bias(),
                new WeightPlan(plan.source(), neuronMasks, inputMasks));
        rejects(() -> replace(net, l, bad), "layer '" + layer.name() + "' weight plan",
                (neuronMask ? "neuronMasks[" : "inputMasks[") + index + "] = " + value);
    }

    @Property
    void wrongNumberOfMasksIsRefused(@ForAll("networks") Network net) {
        DenseLayer out = net.readout();
        WeightPlan plan = out.plan();
        List<Integer> inputMasks = new ArrayList<>(plan.inputMasks());
        inputMasks.remove(0);
        DenseLayer bad = new DenseLayer(out.name(), out.neurons(), out.neuron(), out.weights(), out.bias(),
                new WeightPlan(plan.source(), plan.neuronMasks(), inputMasks));
        rejects(() -> replace(net, net.layers().size() - 1, bad), "layer '" + out.name() + "' weight plan",
                "inputMasks has " + inputMasks.size() + " masks, needs " + (out.fanIn() + 1));
    }

    @Property
    void unknownWeightSourceIsRefused(@ForAll("networks") Network net, @ForAll int layerPick) {
        int l = Math.floorMod(layerPick, net.layers().size());
        DenseLayer layer = net.layers().get(l);
        WeightPlan plan = layer.plan();
        DenseLayer bad = new DenseLayer(layer.name(), layer.neurons(), layer.neuron(), layer.weights(), layer.bias(),
                new WeightPlan("nowhere", plan.neuronMasks(), plan.inputMasks()));
        rejects(() -> replace(net, l, bad), "layer '" + layer.name() + "' weight plan", "source 'nowhere' does not exist");
    }

    @Property
    void unknownInputSourceIsRefused(@ForAll("networks") Network net) {
        rejects(() -> new Network(net.name(), net.inputs(), net.inputCode(), net.weightBits(), net.length(),
                        net.sources(), new InputPlan("nowhere", net.inputPlan().masks()), net.layers()),
                "input plan", "source 'nowhere' does not exist");
    }

    @Property
    void sourceNarrowerThanItsCodesIsRefused(@ForAll("networks") Network net, @ForAll int layerPick) {
        Assume.that(net.weightBits() >= 2);
        int l = Math.floorMod(layerPick, net.layers().size());
        String name = net.layers().get(l).plan().source();
        int width = net.weightBits() - 1;
        rejects(() -> withSource(net, new Source.VanDerCorput(name, width)),
                "layer '" + net.layers().get(l).name() + "' weight plan",
                "source '" + name + "' is " + width + " bits wide",
                "need " + net.layers().get(l).synapse().comparedBits(net.weightBits()));
    }

    @Property
    void inputSourceNarrowerThanTheInputCodesIsRefused(@ForAll("networks") Network net) {
        Assume.that(net.inputCode().magnitudeBits() >= 2);
        String name = net.inputPlan().source();
        int width = net.inputCode().magnitudeBits() - 1;
        rejects(() -> withSource(net, new Source.VanDerCorput(name, width)),
                "input plan", "source '" + name + "' is " + width + " bits wide");
    }

    @Property
    void firstLayerWeightsMustNotReadTheInputSource(@ForAll("networks") Network net) {
        DenseLayer first = net.layers().get(0);
        String inputSource = net.inputPlan().source();
        DenseLayer bad = new DenseLayer(first.name(), first.neurons(), first.neuron(), first.weights(), first.bias(),
                new WeightPlan(inputSource, first.plan().neuronMasks(), first.plan().inputMasks()));
        Assume.that(net.weightBits() <= net.source(inputSource).orElseThrow().width());
        rejects(() -> replace(net, 0, bad), "layer '" + first.name() + "'",
                "weights and inputs both read source '" + inputSource + "'");
    }

    // ---- LFSR parameters -------------------------------------------------------------------------

    @Property
    void lfsrSeedOutsideTheStatesIsRefused(@ForAll("networks") Network net, @ForAll boolean zero,
                                          @ForAll @IntRange(min = 0, max = 1000) int excess) {
        Source in = net.source(net.inputPlan().source()).orElseThrow();
        int width = Math.max(LfsrTaps.MIN_WIDTH, Math.min(in.width(), 20));
        long seed = zero ? 0 : (1L << width) + excess;
        assertThatCode(() -> withSource(net, Source.Lfsr.maximal(in.name(), width, 1))).doesNotThrowAnyException();
        rejects(() -> withSource(net, Source.Lfsr.maximal(in.name(), width, seed)),
                "source '" + in.name() + "'", "seed " + seed);
    }

    @Property
    void lfsrTapsMustStartWithTheWidth(@ForAll("networks") Network net, @ForAll @IntRange(min = 2, max = 20) int width) {
        Source in = net.source(net.inputPlan().source()).orElseThrow();
        Assume.that(width >= net.inputCode().magnitudeBits());
        List<Integer> taps = new ArrayList<>(LfsrTaps.maximal(width));
        taps.set(0, width - 1);
        rejects(() -> withSource(net, new Source.Lfsr(in.name(), width, taps, 1)),
                "source '" + in.name() + "'", "taps " + taps, "must begin with the width " + width);
    }

    @Property
    void lfsrTapsMustBeDistinctPositionsInTheRegister(@ForAll("networks") Network net,
                                                     @ForAll @IntRange(min = 2, max = 20) int width,
                                                     @ForAll boolean duplicate) {
        Source in = net.source(net.inputPlan().source()).orElseThrow();
        Assume.that(width >= net.inputCode().magnitudeBits());
        List<Integer> taps = List.of(width, duplicate ? width : width + 1);
        rejects(() -> withSource(net, new Source.Lfsr(in.name(), width, taps, 1)),
                "source '" + in.name() + "'", "taps " + taps, "distinct positions 1.." + width);
    }

    @Property
    void lfsrWidthWithoutTapsIsRefused(@ForAll("networks") Network net,
                                       @ForAll @IntRange(min = 33, max = 64) int width) {
        Source in = net.source(net.inputPlan().source()).orElseThrow();
        rejects(() -> withSource(net, new Source.Lfsr(in.name(), width, List.of(width, 1), 1)),
                "source '" + in.name() + "'", "LFSR width " + width);
    }

    @Property
    void sobolDimensionOutsideTheTableIsRefused(@ForAll("networks") Network net, @ForAll boolean low,
                                               @ForAll @IntRange(min = 0, max = 100) int excess) {
        Source in = net.source(net.inputPlan().source()).orElseThrow();
        int dimension = low ? -excess : SobolDirections.MAX_DIMENSION + 1 + excess;
        rejects(() -> withSource(net, new Source.Sobol(in.name(), in.width(), dimension)),
                "source '" + in.name() + "'", "dimension " + dimension);
    }

    // ---- names -----------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> badNames() {
        return Arbitraries.oneOf(
                Arbitraries.of("module", "clk", "rst", "start", "done", "counts", "class_out", "Wire", "LOGIC",
                        "frame_step", "codes_latched", "predicted_class", "input_stream", "argmax", "i"),
                Arbitraries.of("1x", "_x", "a-b", "a b", "", "x.y", "ä"));
    }

    @Property
    void reservedOrMalformedLayerNamesAreRefused(@ForAll("networks") Network net, @ForAll("badNames") String name) {
        DenseLayer out = net.readout();
        DenseLayer renamed = new DenseLayer(name, out.neurons(), out.neuron(), out.weights(), out.bias(), out.plan());
        rejects(() -> replace(net, net.layers().size() - 1, renamed), "layer name '" + name + "'");
    }

    @Property
    void reservedOrMalformedNetworkNamesAreRefused(@ForAll("networks") Network net, @ForAll("badNames") String name) {
        rejects(() -> new Network(name, net.inputs(), net.inputCode(), net.weightBits(), net.length(), net.sources(),
                net.inputPlan(), net.layers()), "network name '" + name + "'");
    }

    @Property
    void reservedOrMalformedSourceNamesAreRefused(@ForAll("networks") Network net, @ForAll("badNames") String name) {
        List<Source> sources = new ArrayList<>(net.sources());
        sources.add(new Source.VanDerCorput(name, 8));
        rejects(() -> withSources(net, sources), "source name '" + name + "'");
    }

    @Property
    void layerNamesMustBeUnique(@ForAll("networks") Network net) {
        Assume.that(net.layers().size() >= 2);
        DenseLayer first = net.layers().get(0);
        DenseLayer out = net.readout();
        DenseLayer renamed = new DenseLayer(first.name(), out.neurons(), out.neuron(), out.weights(), out.bias(),
                out.plan());
        rejects(() -> replace(net, net.layers().size() - 1, renamed), "layer '" + first.name() + "'", "used twice");
    }

    @Property
    void layerAndSourceNamesMustDiffer(@ForAll("networks") Network net) {
        DenseLayer out = net.readout();
        String sourceName = net.inputPlan().source();
        DenseLayer renamed = new DenseLayer(sourceName, out.neurons(), out.neuron(), out.weights(), out.bias(),
                out.plan());
        rejects(() -> replace(net, net.layers().size() - 1, renamed), "layer '" + sourceName + "'", "used twice");
    }

    @Property
    void sourceNamesMustBeUnique(@ForAll("networks") Network net) {
        List<Source> sources = new ArrayList<>(net.sources());
        sources.add(sources.get(0));
        rejects(() -> withSources(net, sources), "source '" + sources.get(0).name() + "'", "used twice");
    }

    // ---- network-wide fields and the builder -----------------------------------------------------

    @Property
    void networkFieldsOutOfRangeAreRefused(@ForAll("networks") Network net, @ForAll @IntRange(min = 0, max = 3) int field,
                                           @ForAll @IntRange(min = 0, max = 5) int amount) {
        int inputs = field == 0 ? -amount : net.inputs();
        int weightBits = field == 1 ? -amount : field == 2 ? Code.MAX_BITS + 1 + amount : net.weightBits();
        int length = field == 3 ? -amount : net.length();
        String expected = field == 0 ? "inputs " + inputs : field == 3 ? "bitstream length " + length
                : "weight bits " + weightBits;
        rejects(() -> new Network(net.name(), inputs, net.inputCode(), weightBits, length, net.sources(),
                net.inputPlan(), net.layers()), "network '" + net.name() + "'", expected);
    }

    @Property
    void theBuilderRefusesWhatTheRecordsRefuse(@ForAll @IntRange(min = -3, max = 0) int threshold,
                                               @ForAll @IntRange(min = -3, max = 0) int neurons) {
        rejects(() -> Network.named("n").inputs(3, Code.unsigned(4))
                        .dense("hidden", 2, new NeuronModel.IntegrateAndFire(threshold, -1, 1, 0))
                        .dense("out", 2, Neuron.counter()).build(),
                "layer 'hidden'", "threshold " + threshold);
        rejects(() -> Network.named("n").inputs(3, Code.unsigned(4)).dense("out", neurons, Neuron.counter()).build(),
                "layer 'out'", "neurons " + neurons);
    }

    @Example
    void networkWithoutLayersIsRefused() {
        rejects(() -> Network.named("empty").inputs(3, Code.unsigned(4)).build(), "network 'empty'", "has no layers");
    }

    @Example
    void readoutWiderThan32BitsIsRefused() {
        // (4095 + 1) * 2^20 needs 34 signed bits: the readout count would not fit its 32-bit port.
        rejects(() -> Network.named("wide").inputs(4095, Code.unsigned(8)).bitstream(1 << 20)
                .dense("out", 1, Neuron.counter()).build(), "layer 'out'", "readout counts need 34 bits");
    }

    @Example
    void everyProblemIsReportedAtOnce() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> Network.named("module")
                .inputs(3, Code.unsigned(4)).bitstream(0)
                .dense("h", 2, Neuron.integrateAndFire(0)).dense("out", 2, Neuron.counter()).build());
        assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(3)
                .anyMatch(p -> p.contains("network name 'module'"))
                .anyMatch(p -> p.contains("bitstream length 0"))
                .anyMatch(p -> p.contains("layer 'h': threshold 0"));
        assertThat(e.getMessage()).doesNotContain("\n");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** {@code build} throws a {@link ValidationException} one of whose problems holds every part. */
    private static void rejects(ThrowingCallable build, String... parts) {
        ValidationException e = catchThrowableOfType(ValidationException.class, build);
        assertThat(e).as("a ValidationException naming %s", List.of(parts)).isNotNull();
        assertThat(e.problems()).as("problems").anySatisfy(p -> assertThat(p).contains(parts).doesNotContain("\n"));
    }

    private static DenseLayer firstHidden(Network net) {
        Assume.that(net.layers().size() >= 2);
        return net.layers().get(0);
    }

    private static Network replace(Network net, int index, DenseLayer layer) {
        List<DenseLayer> layers = new ArrayList<>(net.layers());
        layers.set(index, layer);
        return new Network(net.name(), net.inputs(), net.inputCode(), net.weightBits(), net.length(), net.sources(),
                net.inputPlan(), layers);
    }

    /** {@code net} with the source of the same name replaced by {@code source}. */
    private static Network withSource(Network net, Source source) {
        List<Source> sources = new ArrayList<>(net.sources());
        sources.replaceAll(s -> s.name().equals(source.name()) ? source : s);
        return withSources(net, sources);
    }

    private static Network withSources(Network net, List<Source> sources) {
        return new Network(net.name(), net.inputs(), net.inputCode(), net.weightBits(), net.length(), sources,
                net.inputPlan(), net.layers());
    }
}
