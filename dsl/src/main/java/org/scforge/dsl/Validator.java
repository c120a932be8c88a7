package org.scforge.dsl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The rules a {@link Network} obeys. Collects every problem, then throws one {@link ValidationException}. */
final class Validator {

    static final int MAX_THRESHOLD = 1 << 24;
    private final List<String> problems = new ArrayList<>();

    private Validator() {
    }

    static void check(String name, int inputs, Code inputCode, int weightBits, int length, List<Source> sources,
                      InputPlan inputPlan, List<ImageLayer> imageLayers, List<DenseLayer> layers) {
        Validator v = new Validator();
        v.identifier("network", name);
        if (inputs < 1) {
            v.fail("network '" + name + "': inputs " + inputs + " must be >= 1");
        } else if (inputs > Limits.MAX_INPUTS) {
            v.fail(overLimit("network '" + name + "'", inputs, "inputs", Limits.MAX_INPUTS));
        }
        if (inputCode == null) {
            v.fail("network '" + name + "': input code is missing; call inputs(count, Code.unsigned(k))");
        }
        if (weightBits < 1 || weightBits > Code.MAX_BITS) {
            v.fail("network '" + name + "': weight bits " + weightBits + " must be between 1 and " + Code.MAX_BITS);
        }
        if (length < 1 || length > Limits.MAX_LENGTH) {
            v.fail("network '" + name + "': bitstream length " + length + " must be between 1 and " + Limits.MAX_LENGTH);
        }
        // counts first and alone: a file of 100,000 layers is refused at once, not after checking each one
        int layerCount = imageLayers.size() + layers.size();
        boolean tooMany = sources.size() > Limits.MAX_SOURCES || layerCount > Limits.MAX_LAYERS;
        if (sources.size() > Limits.MAX_SOURCES) {
            v.fail(overLimit("network '" + name + "'", sources.size(), "sources", Limits.MAX_SOURCES));
        }
        if (layerCount > Limits.MAX_LAYERS) {
            v.fail(overLimit("network '" + name + "'", layerCount, "layers", Limits.MAX_LAYERS));
        }
        if (tooMany) {
            throw new ValidationException(v.problems);
        }
        // the shapes of the image layers first: every count below depends on them
        boolean imageShapes = v.imageShapes(inputs, imageLayers);
        if (!imageShapes) {
            throw new ValidationException(v.problems);
        }
        List<ConvLayer> convLayers = ConvLayer.among(imageLayers);
        int denseInputs = imageLayers.isEmpty() ? inputs : imageLayers.get(imageLayers.size() - 1).neurons();
        long synapses = synapses(denseInputs, layers)
                + convLayers.stream().mapToLong(c -> (long) c.neurons() * (c.taps() + 1)).sum();
        if (synapses > Limits.MAX_SYNAPSES) {
            v.fail(overLimit("network '" + name + "'", synapses, "synapses (weights and biases)", Limits.MAX_SYNAPSES));
        }
        Set<String> names = new HashSet<>();
        for (Source s : sources) {
            v.source(s);
            if (s.name() != null && !names.add(s.name().toLowerCase(Locale.ROOT))) {
                v.fail("source '" + s.name() + "': the name is used twice; give every source its own name");
            }
        }
        if (layers.isEmpty()) {
            v.fail("network '" + name + "': has no layers; add dense(name, neurons, neuron) ending in a counter readout");
        }
        if (inputCode != null && inputPlan != null && inputs >= 1) {
            Synapse first = !imageLayers.isEmpty() || layers.isEmpty() || layers.get(0).synapse() == null ? Synapse.AND
                    : layers.get(0).synapse();
            v.inputPlan(inputs, inputCode, inputPlan, sources, first, !imageLayers.isEmpty() ? imageLayers.get(0).name()
                    : layers.isEmpty() ? "" : layers.get(0).name());
        } else if (inputPlan == null) {
            v.fail("network '" + name + "': input plan is missing");
        }
        String previousSource = inputPlan == null ? null : inputPlan.source();
        List<DenseLayer> all = new ArrayList<>();
        for (int index = 0; index < imageLayers.size(); index++) {
            ImageLayer image = imageLayers.get(index);
            v.uniqueName(names, image.name());
            if (image instanceof PoolLayer pool) {
                v.identifier("layer", pool.name());
                if (index == 0) {
                    v.fail("layer '" + pool.name() + "': a pool layer ORs spikes, so it comes after a conv layer, not on"
                            + " the input image");
                }
                continue;
            }
            ConvLayer conv = (ConvLayer) image;
            if (conv.kernel().synapse() != Synapse.AND) {
                v.fail("layer '" + conv.name() + "': conv layers have and synapses only (padding that never fires "
                        + "would read as -1 in an xnor layer); use Synapse.AND");
            }
            if (conv.kernel().learns()) {
                v.fail("layer '" + conv.name() + "' learning: conv layers do not learn (their weight streams are shared"
                        + " by every position); give the rule to a dense if layer");
            }
            // the kernel is a dense layer of K neurons over the Q taps of a window: checked as one
            v.layer(conv.kernel(), index, false, conv.taps(), weightBits, sources, index == 0 ? previousSource : null);
            all.add(conv.kernel());
            if (conv.kernel().plan() != null) {
                previousSource = conv.kernel().plan().source();
            }
        }
        int fanIn = denseInputs;
        for (int index = 0; index < layers.size(); index++) {
            DenseLayer layer = layers.get(index);
            v.uniqueName(names, layer.name());
            v.layer(layer, imageLayers.size() + index, index == layers.size() - 1, fanIn, weightBits, sources,
                    index == 0 && imageLayers.isEmpty() ? previousSource : null);
            if (layer.learns()) {
                v.learning(layer, layer.learning().get(), weightBits, sources, previousSource);
            }
            fanIn = layer.neurons();
            all.add(layer);
            if (layer.plan() != null) {
                previousSource = layer.plan().source();
            }
        }
        v.extensions(name, sources, all);
        if (!v.problems.isEmpty()) {
            throw new ValidationException(v.problems);
        }
        List<String> widthProblems = Widths.problems(denseInputs, length, layers);
        for (ConvLayer conv : convLayers) {
            widthProblems.addAll(Widths.problems(conv.taps(), length, List.of(conv.kernel())));
        }
        if (!widthProblems.isEmpty()) {
            throw new ValidationException(widthProblems);
        }
    }

    private void uniqueName(Set<String> names, String layer) {
        if (layer != null && !names.add(layer.toLowerCase(Locale.ROOT))) {
            fail("layer '" + layer + "': the name is used twice by a layer or source (compared ignoring"
                    + " case); rename it");
        }
    }

    /**
     * The geometry of the image layers: each reads the image the one before it makes (the first, the
     * network's inputs as an image), its window fits the (padded) image, and it has at least one output.
     */
    private boolean imageShapes(int inputs, List<ImageLayer> imageLayers) {
        int before = problems.size();
        long previous = inputs;
        String from = "the network's " + inputs + " inputs";
        for (ImageLayer image : imageLayers) {
            String at = "layer '" + image.name() + "'";
            ImageShape in = image.input();
            if (in == null || in.height() < 1 || in.width() < 1 || in.channels() < 1) {
                fail(at + ": input image " + in + " must be at least 1x1x1");
                return false;
            }
            if (in.count() != previous) {
                fail(at + ": reads a " + in + " image (" + in.count() + " values) but " + from + " are " + previous
                        + " values");
            }
            if (image instanceof ConvLayer conv && !convFits(at, conv)) {
                return false;
            }
            if (image instanceof PoolLayer pool && (pool.window() < 1 || pool.stride() < 1
                    || pool.window() > Math.min(in.height(), in.width()))) {
                fail(at + ": window " + pool.window() + ", stride " + pool.stride() + ": both must be >= 1 and the"
                        + " window fit the " + in + " image");
                return false;
            }
            long neurons = image.output().count();
            if (neurons > Limits.MAX_NEURONS) {
                fail(at + ": " + neurons + " neurons (" + image.output() + ") exceed the limit of " + Limits.MAX_NEURONS
                        + "; use a larger stride or fewer channels");
                return false;
            }
            previous = neurons;
            from = "layer '" + image.name() + "''s " + image.output() + " outputs";
        }
        return problems.size() == before;
    }

    /** A conv layer's kernel, stride and padding, and its window inside the padded image. */
    private boolean convFits(String at, ConvLayer conv) {
        ImageShape in = conv.input();
        if (conv.kernelHeight() < 1 || conv.kernelWidth() < 1 || conv.stride() < 1 || conv.padding() < 0) {
            fail(at + ": kernel " + conv.kernelHeight() + "x" + conv.kernelWidth() + ", stride " + conv.stride()
                    + ", padding " + conv.padding() + ": the kernel and stride must be >= 1, the padding >= 0");
            return false;
        }
        if (conv.padding() >= conv.kernelHeight() || conv.padding() >= conv.kernelWidth()) {
            fail(at + ": padding " + conv.padding() + " must be smaller than the kernel " + conv.kernelHeight()
                    + "x" + conv.kernelWidth() + " (a window of padding only never fires)");
        }
        if (in.height() + 2L * conv.padding() < conv.kernelHeight()
                || in.width() + 2L * conv.padding() < conv.kernelWidth()) {
            fail(at + ": the " + conv.kernelHeight() + "x" + conv.kernelWidth() + " kernel does not fit the " + in
                    + " image with padding " + conv.padding());
            return false;
        }
        return true;
    }

    private void fail(String problem) {
        problems.add(problem);
    }

    /** Synapses of the layers as they are declared (neurons x (fan-in + 1)), before their shapes are checked. */
    private static long synapses(int inputs, List<DenseLayer> layers) {
        long total = 0;
        long fanIn = inputs;
        for (DenseLayer layer : layers) {
            total += (long) layer.neurons() * (fanIn + 1);
            fanIn = layer.neurons();
        }
        return total;
    }

    private static String overLimit(String owner, long value, String what, long max) {
        return owner + ": " + value + " " + what + " exceed the limit of " + max + " (docs/errors.md, Limits)";
    }

    private void identifier(String what, String value) {
        if (value != null && value.length() > Limits.MAX_NAME) {
            // the name is clipped in the message: it would otherwise be the message
            fail(what + " name '" + value.substring(0, Limits.MAX_NAME) + "...' has " + value.length()
                    + " characters, more than the limit of " + Limits.MAX_NAME);
            return;
        }
        VerilogNames.refusal(value).ifPresent(why -> fail(what + " name '" + value + "' " + why));
    }

    /**
     * Refuses a name that is another one followed by '_' ({@link VerilogNames#extendsName}): the
     * generated identifiers {@code <name>_suffix} of the two could be the same.
     */
    private void extensions(String network, List<Source> sources, List<DenseLayer> layers) {
        Map<String, String> named = new LinkedHashMap<>();
        named.put(network, "network '" + network + "'");
        sources.forEach(s -> named.putIfAbsent(s.name(), "source '" + s.name() + "'"));
        layers.forEach(l -> named.putIfAbsent(l.name(), "layer '" + l.name() + "'"));
        named.keySet().removeIf(Objects::isNull);
        for (Map.Entry<String, String> name : named.entrySet()) {
            for (Map.Entry<String, String> stem : named.entrySet()) {
                if (VerilogNames.extendsName(name.getKey(), stem.getKey())) {
                    String rest = name.getKey().substring(stem.getKey().length() + 1);
                    fail(name.getValue() + ": the name is the name of " + stem.getValue() + " followed by '_', and"
                            + " the generated Verilog forms identifiers '" + stem.getKey() + "_...' from that name ("
                            + stem.getKey() + "_spikes, " + stem.getKey() + "_value, ...), so the two could clash;"
                            + " rename one of them, e.g. '" + stem.getKey() + rest + "'");
                }
            }
        }
    }

    private void source(Source s) {
        identifier("source", s.name());
        String at = "source '" + s.name() + "': ";
        if (s instanceof Source.Lfsr l) {
                if (l.width() < LfsrTaps.MIN_WIDTH || l.width() > LfsrTaps.MAX_WIDTH) {
                    fail(at + "LFSR width " + l.width() + " must be between " + LfsrTaps.MIN_WIDTH + " and " + LfsrTaps.MAX_WIDTH);
                    return;
                }
                if (l.taps().isEmpty() || l.taps().get(0) != l.width()) {
                    fail(at + "taps " + l.taps() + " must begin with the width " + l.width() + "; use "
                            + LfsrTaps.maximal(l.width()));
                }
                if (new HashSet<>(l.taps()).size() != l.taps().size()
                        || l.taps().stream().anyMatch(t -> t < 1 || t > l.width())) {
                    fail(at + "taps " + l.taps() + " must be distinct positions 1.." + l.width());
                }
                long max = (1L << l.width()) - 1;
                if (l.seed() < 1 || l.seed() > max) {
                    fail(at + "seed " + l.seed() + " must be between 1 and " + max + " (an LFSR never leaves state 0)");
                }
        } else if (s instanceof Source.VanDerCorput d) {
                if (d.width() < 1 || d.width() > SobolDirections.MAX_WIDTH) {
                    fail(at + "width " + d.width() + " must be between 1 and " + SobolDirections.MAX_WIDTH);
                }
        } else if (s instanceof Source.Sobol d) {
                if (d.width() < 1 || d.width() > SobolDirections.MAX_WIDTH) {
                    fail(at + "width " + d.width() + " must be between 1 and " + SobolDirections.MAX_WIDTH);
                }
                if (d.dimension() < 1 || d.dimension() > SobolDirections.MAX_DIMENSION) {
                    fail(at + "dimension " + d.dimension() + " must be between 1 and " + SobolDirections.MAX_DIMENSION);
                }
        }
    }

    /**
     * The source {@code sourceName}, which SNGs comparing {@code bits}-bit numbers read; {@code why}
     * says why they need that many when it is more than the code's magnitude (empty otherwise).
     */
    private Source sourceFor(String owner, String sourceName, int bits, String why, List<Source> sources) {
        Source found = sources.stream().filter(s -> s.name().equals(sourceName)).findFirst().orElse(null);
        if (found == null) {
            fail(owner + ": source '" + sourceName + "' does not exist; declare it or use one of "
                    + sources.stream().map(Source::name).toList());
        } else if (found.width() < bits) {
            fail(owner + ": source '" + sourceName + "' is " + found.width() + " bits wide but the codes need "
                    + bits + why + "; widen the source to at least " + bits);
        }
        return found;
    }

    /** Why an XNOR layer's SNGs compare one bit more than the code's magnitude, for {@link #sourceFor}. */
    private static String xnorReason(Synapse synapse, String layer, int magnitudeBits) {
        return synapse != Synapse.XNOR ? ""
                : " for the offset codes c + 2^" + magnitudeBits + " of the xnor synapses of layer '" + layer + "'";
    }

    private void masks(String owner, String what, List<Integer> masks, int expected, int bits) {
        if (masks.size() != expected) {
            fail(owner + ": " + what + " has " + masks.size() + " masks, needs " + expected);
        }
        for (int i = 0; i < masks.size(); i++) {
            Integer m = masks.get(i);
            if (m == null || m < 0 || m >= (1 << bits)) {
                fail(owner + ": " + what + "[" + i + "] = " + m + " must be between 0 and " + ((1 << bits) - 1));
                return;
            }
        }
    }

    private void inputPlan(int inputs, Code code, InputPlan plan, List<Source> sources, Synapse firstLayer,
                           String firstLayerName) {
        // Unsigned inputs keep their ordinary stream in an xnor layer; only sm codes become offset codes.
        Synapse compared = code.signed() ? firstLayer : Synapse.AND;
        int bits = compared.comparedBits(code.magnitudeBits());
        sourceFor("input plan", plan.source(), bits, xnorReason(compared, firstLayerName, code.magnitudeBits()), sources);
        masks("input plan", "masks", plan.masks(), inputs, code.magnitudeBits());
    }

    /**
     * A learning rule (docs/semantics.md, section 12): on a dense if layer of and synapses, probabilities
     * that fit their bits, bounds within the weight codes that hold every weight, a step and a window of at
     * least 1, and a learning source of its own: not the weights' source, and not {@code inputsSource}, the
     * source the layer's input streams are made from (the input plan's for the first layer, the previous
     * layer's weights' for the others), since update bits correlated with the streams that caused the spike
     * bias the rule.
     */
    private void learning(DenseLayer layer, Stdp rule, int weightBits, List<Source> sources, String inputsSource) {
        String at = "layer '" + layer.name() + "' learning";
        if (layer.isReadout() || !(layer.neuron() instanceof NeuronModel.IntegrateAndFire)) {
            fail(at + ": a counter does not spike, so it cannot learn by STDP; give the rule to a dense if layer");
            return;
        }
        if (layer.synapse() != Synapse.AND) {
            fail(at + ": STDP learns on and synapses only (an xnor weight's sign lives in its stream); use Synapse.AND");
            return;
        }
        if (rule.probabilityBits() < 1 || rule.probabilityBits() > Code.MAX_BITS) {
            fail(at + ": probabilityBits " + rule.probabilityBits() + " must be between 1 and " + Code.MAX_BITS);
            return;
        }
        int top = (1 << rule.probabilityBits()) - 1;
        if (rule.pPlus() < 0 || rule.pPlus() > top) {
            fail(at + ": pPlus " + rule.pPlus() + " must be between 0 and " + top + " (a code of " + rule.probabilityBits()
                    + " probabilityBits)");
        }
        if (rule.pMinus() < 0 || rule.pMinus() > top) {
            fail(at + ": pMinus " + rule.pMinus() + " must be between 0 and " + top + " (a code of "
                    + rule.probabilityBits() + " probabilityBits)");
        }
        if (rule.window() < 1 || rule.window() > Limits.MAX_LENGTH) {
            fail(at + ": window " + rule.window() + " must be between 1 and " + Limits.MAX_LENGTH + " steps");
        }
        int maxCode = (1 << weightBits) - 1;
        if (rule.step() < 1 || rule.step() > 2 * maxCode) {
            fail(at + ": step " + rule.step() + " must be between 1 and " + 2 * maxCode);
        }
        if (rule.min() < -maxCode || rule.min() > maxCode) {
            fail(at + ": min " + rule.min() + " does not fit sm" + weightBits + "; codes are -" + maxCode + ".." + maxCode);
        } else if (rule.max() < -maxCode || rule.max() > maxCode) {
            fail(at + ": max " + rule.max() + " does not fit sm" + weightBits + "; codes are -" + maxCode + ".." + maxCode);
        } else if (rule.min() > rule.max()) {
            fail(at + ": min " + rule.min() + " is above max " + rule.max());
        } else {
            outer:
            for (int j = 0; j < layer.weights().rows(); j++) {
                for (int i = 0; i < layer.weights().cols(); i++) {
                    int w = layer.weights().get(j, i);
                    if (w < rule.min() || w > rule.max()) {
                        fail(at + ": weight[" + j + "][" + i + "] = " + w + " lies outside min.." + "max = " + rule.min()
                                + ".." + rule.max() + "; learning keeps every weight within them, so they must start there");
                        break outer;
                    }
                }
            }
        }
        rule.homeostasis().ifPresent(h -> homeostasis(at + ".homeostasis", layer.neurons(), h));
        if (rule.source() == null) {
            fail(at + ": source is missing; name a source of its own for the update bits");
            return;
        }
        sourceFor(at, rule.source(), rule.probabilityBits(), " for the probability codes", sources);
        if (layer.plan() != null && rule.source().equals(layer.plan().source())) {
            fail(at + ": source '" + rule.source() + "' is the layer's weight source; update bits correlated with the"
                    + " weight streams bias the rule, give learning a source of its own");
        } else if (rule.source().equals(inputsSource)) {
            fail(at + ": source '" + rule.source() + "' is the source the layer's inputs are made from; update bits"
                    + " correlated with the streams that caused the spike bias the rule, give learning a source of its own");
        }
    }

    /** An adaptive threshold (docs/semantics.md, section 12.5): a limit that a 16-bit register holds, offsets within it. */
    private void homeostasis(String at, int neurons, Stdp.Homeostasis h) {
        if (h.limit() < 1 || h.limit() > Stdp.Homeostasis.MAX_LIMIT) {
            fail(at + ": limit " + h.limit() + " must be between 1 and " + Stdp.Homeostasis.MAX_LIMIT);
            return;
        }
        if (h.step() < 1 || h.step() > h.limit()) {
            fail(at + ": step " + h.step() + " must be between 1 and the limit " + h.limit());
        }
        if (h.decayFrames() < 1 || h.decayFrames() > Limits.MAX_LENGTH) {
            fail(at + ": decayFrames " + h.decayFrames() + " must be between 1 and " + Limits.MAX_LENGTH);
        }
        if (!h.offsets().isEmpty() && h.offsets().size() != neurons) {
            fail(at + ": offsets has " + h.offsets().size() + " values, the layer has " + neurons
                    + " neurons (leave it out for all 0)");
            return;
        }
        for (int j = 0; j < h.offsets().size(); j++) {
            if (h.offsets().get(j) < 0 || h.offsets().get(j) > h.limit()) {
                fail(at + ": offsets[" + j + "] = " + h.offsets().get(j) + " must be between 0 and the limit " + h.limit());
                return;
            }
        }
    }

    private void layer(DenseLayer layer, int index, boolean last, int fanIn, int weightBits, List<Source> sources,
                       String inputSource) {
        identifier("layer", layer.name());
        String at = "layer '" + layer.name() + "'";
        if (layer.neurons() < 1 || layer.neurons() > Limits.MAX_NEURONS) {
            fail(at + ": neurons " + layer.neurons() + " must be between 1 and " + Limits.MAX_NEURONS);
            return;
        }
        if (last && !layer.isReadout()) {
            fail(at + ": the last layer must be a counting readout; use Neuron.counter()");
        }
        if (!last && layer.isReadout()) {
            fail(at + ": a counter emits no spikes, so only the last layer may be one; use Neuron.integrateAndFire(threshold)");
        }
        if (layer.neuron() instanceof NeuronModel.IntegrateAndFire n) {
            if (n.threshold() < 1 || n.threshold() > MAX_THRESHOLD) {
                fail(at + ": threshold " + n.threshold() + " must be >= 1 and <= " + MAX_THRESHOLD);
            }
            if (n.floor() > 0 || n.floor() < -MAX_THRESHOLD) {
                fail(at + ": floor " + n.floor() + " must be <= 0 and >= " + -MAX_THRESHOLD);
            }
            if (n.ceiling() < 0 || n.ceiling() > MAX_THRESHOLD) {
                fail(at + ": ceiling " + n.ceiling() + " must be >= 0 and <= " + MAX_THRESHOLD);
            }
            if (n.leakShift() < 0 || n.leakShift() > 30) {
                fail(at + ": leak shift " + n.leakShift() + " must be between 0 (no leak) and 30");
            }
        }
        if (layer.weights().rows() != layer.neurons() || layer.weights().cols() != fanIn) {
            fail(at + ": weights are " + layer.weights().rows() + "x" + layer.weights().cols() + " but must be "
                    + layer.neurons() + "x" + fanIn + " (neurons x inputs of layer " + index + ")");
            return;
        }
        int max = (1 << weightBits) - 1;
        outer:
        for (int j = 0; j < layer.neurons(); j++) {
            for (int i = 0; i < fanIn; i++) {
                int w = layer.weights().get(j, i);
                if (w < -max || w > max) {
                    fail(at + ": weight[" + j + "][" + i + "] = " + w + " does not fit sm" + weightBits
                            + "; codes are -" + max + ".." + max);
                    break outer;
                }
            }
        }
        if (layer.bias().size() != layer.neurons()) {
            fail(at + ": bias has " + layer.bias().size() + " values, needs one per neuron (" + layer.neurons() + ")");
        } else {
            for (int j = 0; j < layer.neurons(); j++) {
                Integer b = layer.bias().get(j);
                if (b == null || b < -max || b > max) {
                    fail(at + ": bias[" + j + "] = " + b + " does not fit sm" + weightBits + "; codes are -" + max + ".." + max);
                    break;
                }
            }
        }
        WeightPlan plan = layer.plan();
        if (plan == null) {
            fail(at + ": weight plan is missing");
            return;
        }
        if (layer.synapse() == null) {
            fail(at + ": synapse kind is missing; use Synapse.AND or Synapse.XNOR");
            return;
        }
        sourceFor(at + " weight plan", plan.source(), layer.synapse().comparedBits(weightBits),
                xnorReason(layer.synapse(), layer.name(), weightBits), sources);
        if (plan.source().equals(inputSource)) {
            fail(at + ": weights and inputs both read source '" + inputSource
                    + "'; correlated streams multiply wrongly, give the weights their own source");
        }
        masks(at + " weight plan", "neuronMasks", plan.neuronMasks(), layer.neurons(), weightBits);
        masks(at + " weight plan", "inputMasks", plan.inputMasks(), fanIn + 1, weightBits);
    }
}
