package org.scforge.dsl;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scforge.dsl.io.AtomicFiles;
import org.scforge.dsl.io.IoErrors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned JSON model file ({@code "format": "scforge-model", "version": 1}). Writing is atomic
 * ({@link AtomicFiles#writeString}); reading checks every field and reports the first malformed field as
 * one line naming the file and the JSON path, and every problem of a well-formed but invalid network,
 * a line each ({@link ModelFileException#lines()}). Saving then loading gives an equal {@link Network}.
 */
public final class ModelFile {

    public static final String FORMAT = "scforge-model";
    public static final int VERSION = 1;
    /** The label of a test frame whose class is not known. */
    public static final int NO_LABEL = -1;
    /** Duplicate keys are refused: with last-wins, a file can say two things and mean the one nobody reads. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private ModelFile() {
    }

    // ---- writing -------------------------------------------------------------------------------

    public static void save(ModelDocument document, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(document));
    }

    public static void save(Network network, Path file) throws IOException {
        save(ModelDocument.of(network), file);
    }

    /** The fields a dense layer and a conv layer's kernel share: the neuron, the plan, the weights, the biases. */
    private static void kernelFields(ObjectNode o, DenseLayer layer) {
        ObjectNode neuron = o.putObject("neuron");
        neuron.put("kind", layer.neuron().kind());
        if (layer.neuron() instanceof NeuronModel.IntegrateAndFire f) {
            neuron.put("threshold", f.threshold());
            neuron.put("floor", f.floor());
            neuron.put("ceiling", f.ceiling());
            neuron.put("leakShift", f.leakShift());
        }
        ObjectNode plan = o.putObject("weightPlan");
        plan.put("source", layer.plan().source());
        ints(plan.putArray("neuronMasks"), layer.plan().neuronMasks());
        ints(plan.putArray("inputMasks"), layer.plan().inputMasks());
        ArrayNode weights = o.putArray("weights");
        for (int j = 0; j < layer.neurons(); j++) {
            ArrayNode row = weights.addArray();
            for (int i = 0; i < layer.fanIn(); i++) {
                row.add(layer.weights().get(j, i));
            }
        }
        ints(o.putArray("bias"), layer.bias());
    }

    /** A layer's learning rule (docs/model-file.md, "learning"). */
    private static void learningFields(ObjectNode o, Stdp rule) {
        o.put("rule", Stdp.RULE);
        o.put("source", rule.source());
        o.put("window", rule.window());
        o.put("probabilityBits", rule.probabilityBits());
        o.put("pPlus", rule.pPlus());
        o.put("pMinus", rule.pMinus());
        o.put("step", rule.step());
        o.put("min", rule.min());
        o.put("max", rule.max());
        o.put("wta", rule.wta());
        rule.homeostasis().ifPresent(h -> {
            ObjectNode adapt = o.putObject("homeostasis");
            adapt.put("step", h.step());
            adapt.put("decayFrames", h.decayFrames());
            adapt.put("limit", h.limit());
            if (!h.offsets().isEmpty()) {
                ints(adapt.putArray("offsets"), h.offsets());
            }
        });
    }

    public static String toJson(ModelDocument document) {
        Network n = document.network();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("name", n.name());
        ObjectNode inputs = root.putObject("inputs");
        inputs.put("count", n.inputs());
        inputs.put("code", n.inputCode().shortName());
        root.put("weightBits", n.weightBits());
        root.put("length", n.length());
        ArrayNode sources = root.putArray("sources");
        for (Source s : n.sources()) {
            ObjectNode o = sources.addObject();
            o.put("name", s.name());
            o.put("kind", s.kind());
            o.put("width", s.width());
            if (s instanceof Source.Lfsr l) {
                ArrayNode taps = o.putArray("taps");
                l.taps().forEach(taps::add);
                o.put("seed", l.seed());
            } else if (s instanceof Source.Sobol sobol) {
                o.put("dimension", sobol.dimension());
            }
        }
        ObjectNode inputPlan = root.putObject("inputPlan");
        inputPlan.put("source", n.inputPlan().source());
        ints(inputPlan.putArray("masks"), n.inputPlan().masks());
        ArrayNode layers = root.putArray("layers");
        for (ImageLayer image : n.imageLayers()) {
            ObjectNode o = layers.addObject();
            o.put("name", image.name());
            o.put("kind", image instanceof ConvLayer ? "conv" : "pool");
            ObjectNode shape = o.putObject("image");
            shape.put("height", image.input().height());
            shape.put("width", image.input().width());
            shape.put("channels", image.input().channels());
            if (image instanceof PoolLayer pool) {
                o.put("window", pool.window());
                o.put("stride", pool.stride());
                continue;
            }
            ConvLayer conv = (ConvLayer) image;
            o.put("channels", conv.channels());
            o.putArray("kernel").add(conv.kernelHeight()).add(conv.kernelWidth());
            o.put("stride", conv.stride());
            o.put("padding", conv.padding());
            kernelFields(o, conv.kernel());
        }
        for (DenseLayer layer : n.layers()) {
            ObjectNode o = layers.addObject();
            o.put("name", layer.name());
            o.put("neurons", layer.neurons());
            if (layer.synapse() != Synapse.AND) {
                // absent means and, so the files of and networks stay as they were before the field existed
                o.put("synapse", layer.synapse().modelName());
            }
            kernelFields(o, layer);
            // absent means no rule, so the files of networks that do not learn stay as they were
            layer.learning().ifPresent(rule -> learningFields(o.putObject("learning"), rule));
        }
        document.testFrames().ifPresent(frames -> {
            ObjectNode o = root.putObject("testFrames");
            ArrayNode codes = o.putArray("codes");
            frames.codes().forEach(frame -> ints(codes.addArray(), frame));
            ints(o.putArray("labels"), frames.labels());
        });
        if (!document.info().isEmpty()) {
            ObjectNode info = root.putObject("info");
            new java.util.TreeMap<>(document.info()).forEach(info::put);
        }
        document.preprocessing().ifPresent(pre -> {
            ObjectNode o = root.putObject("preprocessing");
            ObjectNode image = o.putObject("image");
            image.put("height", pre.height());
            image.put("width", pre.width());
            pre.projection().ifPresent(projection -> {
                ObjectNode pca = o.putObject("projection");
                doubles(pca.putArray("mean"), projection.mean());
                ArrayNode components = pca.putArray("components");
                for (double[] component : projection.components()) {
                    doubles(components.addArray(), component);
                }
            });
            ObjectNode scaling = o.putObject("scaling");
            if (pre.scaling() instanceof Preprocessing.Scaling.SignMagnitude sm) {
                scaling.put("kind", "sign-magnitude");
                doubles(scaling.putArray("scales"), sm.scales());
            } else if (pre.scaling() instanceof Preprocessing.Scaling.Unsigned u) {
                scaling.put("kind", "unsigned");
                scaling.put("min", u.min());
                scaling.put("max", u.max());
            }
        });
        return FoldedJson.write(root) + "\n";
    }

    private static void ints(ArrayNode array, List<Integer> values) {
        values.forEach(array::add);
    }

    private static void doubles(ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(v);
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    public static ModelDocument load(Path file) throws ModelFileException {
        byte[] bytes;
        // a bounded read, not Files.size: a device or a pipe (/dev/zero) has no size and never ends
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(Math.toIntExact(Limits.MAX_MODEL_FILE_BYTES) + 1);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file + ": no such file");
        } catch (IOException e) {
            throw new ModelFileException(file + ": cannot read: " + IoErrors.cause(e));
        }
        if (bytes.length > Limits.MAX_MODEL_FILE_BYTES) {
            throw new ModelFileException(file + ": larger than the limit of " + (Limits.MAX_MODEL_FILE_BYTES >> 20)
                    + " MiB for a model file (docs/errors.md, Limits)");
        }
        return parse(bytes, file.toString());
    }

    public static ModelDocument parse(String text, String origin) throws ModelFileException {
        return parse(text.getBytes(StandardCharsets.UTF_8), origin);
    }

    private static ModelDocument parse(byte[] bytes, String origin) throws ModelFileException {
        JsonNode tree = StrictJson.tree(JSON, bytes, origin);
        if (tree == null || !tree.isObject()) {
            throw new ModelFileException(origin + ": not a model file: expected a JSON object");
        }
        Reader r = new Reader(origin);
        At root = new At(tree, "$");
        String format = r.text(root, "format");
        if (!FORMAT.equals(format)) {
            throw new ModelFileException(origin + ": not a model file: format is '" + format + "', expected '" + FORMAT + "'");
        }
        int version = r.integer(root, "version");
        if (version != VERSION) {
            throw new ModelFileException(origin + ": model file version " + version + " is not supported; this scforge reads version "
                    + VERSION);
        }
        try {
            return r.document(root);
        } catch (ValidationException e) {
            // every problem, a line each: one run of the command shows all there is to fix
            throw new ModelFileException(e.problems().stream().map(problem -> origin + ": invalid model: " + problem).toList());
        }
    }

    /**
     * A node of the model file with its JSON path from the root ({@code $.layers[0].neurons}), the path a
     * message names. A missing field is an {@code At} whose node is null.
     */
    private record At(JsonNode node, String path) {
        At field(String name) {
            return new At(node.get(name), path + "." + name);
        }

        At element(int index) {
            return new At(node.get(index), path + "[" + index + "]");
        }

        boolean has(String name) {
            return node.has(name);
        }

        List<At> elements() {
            List<At> out = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                out.add(element(i));
            }
            return out;
        }
    }

    /** Reads fields and fails with the JSON path of the first missing or mistyped one. */
    private record Reader(String origin) {

        ModelDocument document(At root) throws ModelFileException {
            String name = text(root, "name");
            At inputsNode = object(root, "inputs");
            int inputs = integer(inputsNode, "count");
            Code inputCode = code(inputsNode, "code");
            int weightBits = integer(root, "weightBits");
            int length = integer(root, "length");
            List<Source> sources = new ArrayList<>();
            for (At s : array(root, "sources").elements()) {
                sources.add(source(s));
            }
            At ip = object(root, "inputPlan");
            InputPlan inputPlan = new InputPlan(text(ip, "source"), intList(ip, "masks"));
            List<ImageLayer> images = new ArrayList<>();
            List<DenseLayer> layers = new ArrayList<>();
            for (At l : array(root, "layers").elements()) {
                String kind = kind(l);
                if (kind.equals("dense")) {
                    layers.add(layer(l));
                    continue;
                }
                if (!layers.isEmpty()) {
                    throw fail(l, "is a " + kind + " layer after the dense layer '" + layers.get(0).name()
                            + "'; conv and pool layers come first");
                }
                images.add(kind.equals("conv") ? conv(l) : pool(l));
            }
            Network network = new Network(name, inputs, inputCode, weightBits, length, sources, inputPlan, images, layers);
            Optional<TestFrames> frames = Optional.empty();
            if (root.has("testFrames")) {
                At tf = object(root, "testFrames");
                List<List<Integer>> codes = new ArrayList<>();
                for (At row : array(tf, "codes").elements()) {
                    codes.add(intList(row));
                }
                List<Integer> labels = intList(tf, "labels");
                if (codes.size() != labels.size()) {
                    throw fail(tf.field("labels"), "has " + labels.size() + " entries but there are " + codes.size() + " frames");
                }
                if (codes.size() > Limits.MAX_FRAMES) {
                    throw fail(tf.field("codes"), "holds " + codes.size() + " frames, more than the limit of " + Limits.MAX_FRAMES);
                }
                for (int f = 0; f < labels.size(); f++) {
                    int label = labels.get(f);
                    if (label != NO_LABEL && (label < 0 || label >= network.classes())) {
                        throw fail(tf.field("labels").element(f), "is " + label + "; it must be " + NO_LABEL
                                + " (no label) or a class 0.." + (network.classes() - 1)
                                + " of the readout layer '" + network.readout().name() + "'");
                    }
                }
                for (int f = 0; f < codes.size(); f++) {
                    At frame = tf.field("codes").element(f);
                    if (codes.get(f).size() != inputs) {
                        throw fail(frame, "has " + codes.get(f).size() + " codes, the network has " + inputs + " inputs");
                    }
                    for (int code : codes.get(f)) {
                        if (!inputCode.accepts(code)) {
                            throw fail(frame, "holds " + code + ", outside " + inputCode.shortName());
                        }
                    }
                }
                frames = Optional.of(new TestFrames(codes, labels));
            }
            Map<String, String> info = new LinkedHashMap<>();
            if (root.has("info")) {
                At infoNode = object(root, "info");
                for (Map.Entry<String, JsonNode> e : infoNode.node().properties()) {
                    info.put(e.getKey(), text(infoNode, e.getKey()));
                }
            }
            Optional<Preprocessing> preprocessing = Optional.empty();
            if (root.has("preprocessing")) {
                preprocessing = Optional.of(preprocessing(object(root, "preprocessing"), network));
            }
            return new ModelDocument(network, frames, info, preprocessing);
        }

        private Preprocessing preprocessing(At pre, Network network) throws ModelFileException {
            At image = object(pre, "image");
            int height = integer(image, "height");
            int width = integer(image, "width");
            if (height < 1 || width < 1 || (long) height * width > Limits.MAX_IMAGE_PIXELS) {
                throw fail(image, "is " + height + " x " + width + " pixels; each side must be at least 1 and the image at most "
                        + Limits.MAX_IMAGE_PIXELS + " pixels");
            }
            Optional<Preprocessing.Projection> projection = Optional.empty();
            int features = height * width;
            if (pre.has("projection")) {
                At pca = object(pre, "projection");
                double[] mean = doubleList(pca, "mean");
                if (mean.length != height * width) {
                    throw fail(pca.field("mean"), "has " + mean.length + " values, the image " + height * width + " pixels");
                }
                List<At> rows = array(pca, "components").elements();
                double[][] components = new double[rows.size()][];
                for (int k = 0; k < components.length; k++) {
                    components[k] = doubleList(rows.get(k));
                    if (components[k].length != mean.length) {
                        throw fail(rows.get(k), "has " + components[k].length + " values, the image " + mean.length + " pixels");
                    }
                }
                projection = Optional.of(new Preprocessing.Projection(mean, components));
                features = components.length;
            }
            if (features != network.inputs()) {
                throw fail(pre, "gives " + features + " features, the network has " + network.inputs() + " inputs");
            }
            At scaling = object(pre, "scaling");
            String kind = text(scaling, "kind");
            Preprocessing.Scaling s = switch (kind) {
                case "sign-magnitude" -> {
                    if (!network.inputCode().signed()) {
                        throw fail(scaling.field("kind"), "is sign-magnitude, the inputs are " + network.inputCode().shortName());
                    }
                    double[] scales = doubleList(scaling, "scales");
                    if (scales.length != features) {
                        throw fail(scaling.field("scales"), "has " + scales.length + " values for " + features + " features");
                    }
                    yield new Preprocessing.Scaling.SignMagnitude(scales);
                }
                case "unsigned" -> {
                    if (network.inputCode().signed()) {
                        throw fail(scaling.field("kind"), "is unsigned, the inputs are " + network.inputCode().shortName());
                    }
                    yield new Preprocessing.Scaling.Unsigned(number(scaling, "min"), number(scaling, "max"));
                }
                default -> throw fail(scaling.field("kind"), "is '" + kind + "'; use sign-magnitude or unsigned");
            };
            return new Preprocessing(height, width, projection, s);
        }

        private Source source(At s) throws ModelFileException {
            String name = text(s, "name");
            String kind = text(s, "kind");
            int width = integer(s, "width");
            return switch (kind) {
                case "lfsr" -> new Source.Lfsr(name, width, intList(s, "taps"), longValue(s, "seed"));
                case "vdc" -> new Source.VanDerCorput(name, width);
                case "sobol" -> new Source.Sobol(name, width, integer(s, "dimension"));
                default -> throw fail(s.field("kind"), "is '" + kind + "', not a source kind; use lfsr, vdc or sobol");
            };
        }

        private DenseLayer layer(At l) throws ModelFileException {
            return kernel(l, text(l, "name"), integer(l, "neurons"), synapse(l));
        }

        /** The optional field {@code kind}: {@code dense} (also when absent), {@code conv} or {@code pool}. */
        private String kind(At l) throws ModelFileException {
            if (!l.has("kind")) {
                return "dense";
            }
            String kind = text(l, "kind");
            if (!List.of("dense", "conv", "pool").contains(kind)) {
                throw fail(l.field("kind"), "is '" + kind + "', not a layer kind; use dense, conv or pool");
            }
            return kind;
        }

        private ImageShape image(At l) throws ModelFileException {
            At image = object(l, "image");
            return new ImageShape(integer(image, "height"), integer(image, "width"), integer(image, "channels"));
        }

        private PoolLayer pool(At l) throws ModelFileException {
            return new PoolLayer(text(l, "name"), image(l), integer(l, "window"), integer(l, "stride"));
        }

        private ConvLayer conv(At l) throws ModelFileException {
            String name = text(l, "name");
            ImageShape input = image(l);
            List<Integer> kernelSize = intList(l, "kernel");
            if (kernelSize.size() != 2) {
                throw fail(l.field("kernel"), "has " + kernelSize.size() + " values; give [height, width]");
            }
            DenseLayer kernel = kernel(l, name, integer(l, "channels"), Synapse.AND);
            return new ConvLayer(kernel, input, kernelSize.get(0), kernelSize.get(1), integer(l, "stride"),
                    integer(l, "padding"));
        }

        /** The fields a dense layer and a conv layer's kernel share (see {@code kernelFields}). */
        private DenseLayer kernel(At l, String name, int neurons, Synapse synapse) throws ModelFileException {
            At n = object(l, "neuron");
            String kind = text(n, "kind");
            NeuronModel neuron = switch (kind) {
                case "if" -> new NeuronModel.IntegrateAndFire(integer(n, "threshold"), integer(n, "floor"),
                        integer(n, "ceiling"), integer(n, "leakShift"));
                case "counter" -> new NeuronModel.Counter();
                default -> throw fail(n.field("kind"), "is '" + kind + "', not a neuron kind; use if or counter");
            };
            At p = object(l, "weightPlan");
            WeightPlan plan = new WeightPlan(text(p, "source"), intList(p, "neuronMasks"), intList(p, "inputMasks"));
            List<At> weightRows = array(l, "weights").elements();
            int[][] rows = new int[weightRows.size()][];
            for (int j = 0; j < rows.length; j++) {
                rows[j] = intList(weightRows.get(j)).stream().mapToInt(Integer::intValue).toArray();
                if (j > 0 && rows[j].length != rows[0].length) {
                    throw fail(weightRows.get(j), "has " + rows[j].length + " values, row 0 has " + rows[0].length);
                }
            }
            IntMatrix weights = rows.length == 0 ? IntMatrix.zeros(0, 0) : IntMatrix.of(rows);
            Optional<Stdp> learning = l.has("learning") ? Optional.of(learning(object(l, "learning"))) : Optional.empty();
            return new DenseLayer(name, neurons, neuron, weights, intList(l, "bias"), plan, synapse, learning);
        }

        /** The optional field {@code learning} of a layer: a rule of kind {@code rule} (only {@code stdp} so far). */
        private Stdp learning(At o) throws ModelFileException {
            String rule = text(o, "rule");
            if (!Stdp.RULE.equals(rule)) {
                throw fail(o.field("rule"), "is '" + rule + "', not a learning rule; use " + Stdp.RULE);
            }
            return new Stdp(text(o, "source"), integer(o, "window"), integer(o, "probabilityBits"), integer(o, "pPlus"),
                    integer(o, "pMinus"), integer(o, "step"), integer(o, "min"), integer(o, "max"), bool(o, "wta"),
                    o.has("homeostasis") ? Optional.of(homeostasis(object(o, "homeostasis"))) : Optional.empty());
        }

        /** The optional field {@code learning.homeostasis}: the adaptive threshold and its learned offsets. */
        private Stdp.Homeostasis homeostasis(At h) throws ModelFileException {
            return new Stdp.Homeostasis(integer(h, "step"), integer(h, "decayFrames"), integer(h, "limit"),
                    h.has("offsets") ? intList(h, "offsets") : List.of());
        }

        /** The optional field {@code synapse}: absent is {@link Synapse#AND}. */
        private Synapse synapse(At l) throws ModelFileException {
            if (!l.has("synapse")) {
                return Synapse.AND;
            }
            String kind = text(l, "synapse");
            return Synapse.fromModelName(kind).orElseThrow(
                    () -> fail(l.field("synapse"), "is '" + kind + "', not a synapse kind; use and or xnor"));
        }

        ModelFileException fail(At at, String what) {
            return new ModelFileException(origin + ": " + at.path() + " " + what);
        }

        private At field(At parent, String field) throws ModelFileException {
            At at = parent.field(field);
            if (at.node() == null || at.node().isNull()) {
                throw fail(at, "is missing");
            }
            return at;
        }

        String text(At parent, String field) throws ModelFileException {
            At at = field(parent, field);
            if (!at.node().isTextual()) {
                throw fail(at, "must be a string, found " + at.node().getNodeType().toString().toLowerCase());
            }
            return at.node().asText();
        }

        int integer(At parent, String field) throws ModelFileException {
            At at = field(parent, field);
            if (!at.node().isIntegralNumber() || !at.node().canConvertToInt()) {
                throw fail(at, "must be a whole number, found " + at.node());
            }
            return at.node().intValue();
        }

        boolean bool(At parent, String field) throws ModelFileException {
            At at = field(parent, field);
            if (!at.node().isBoolean()) {
                throw fail(at, "must be true or false, found " + at.node());
            }
            return at.node().booleanValue();
        }

        long longValue(At parent, String field) throws ModelFileException {
            At at = field(parent, field);
            if (!at.node().isIntegralNumber() || !at.node().canConvertToLong()) {
                throw fail(at, "must be a whole number, found " + at.node());
            }
            return at.node().longValue();
        }

        At object(At parent, String field) throws ModelFileException {
            At at = field(parent, field);
            if (!at.node().isObject()) {
                throw fail(at, "must be an object");
            }
            return at;
        }

        At array(At parent, String field) throws ModelFileException {
            At at = field(parent, field);
            if (!at.node().isArray()) {
                throw fail(at, "must be an array");
            }
            return at;
        }

        double number(At parent, String field) throws ModelFileException {
            At at = field(parent, field);
            if (!at.node().isNumber() || !Double.isFinite(at.node().doubleValue())) {
                throw fail(at, "must be a number, found " + at.node());
            }
            return at.node().doubleValue();
        }

        double[] doubleList(At parent, String field) throws ModelFileException {
            return doubleList(array(parent, field));
        }

        /** {@code array}, which must be an array of finite numbers. */
        double[] doubleList(At array) throws ModelFileException {
            if (!array.node().isArray()) {
                throw fail(array, "must be an array of numbers");
            }
            double[] out = new double[array.node().size()];
            for (int i = 0; i < out.length; i++) {
                At v = array.element(i);
                if (!v.node().isNumber() || !Double.isFinite(v.node().doubleValue())) {
                    throw fail(v, "must be a number, found " + v.node());
                }
                out[i] = v.node().doubleValue();
            }
            return out;
        }

        /** The field {@code field} of {@code parent}, an array of whole numbers. */
        List<Integer> intList(At parent, String field) throws ModelFileException {
            return intList(array(parent, field));
        }

        /** {@code array}, which must be an array of whole numbers. */
        List<Integer> intList(At array) throws ModelFileException {
            if (!array.node().isArray()) {
                throw fail(array, "must be an array of whole numbers");
            }
            List<Integer> out = new ArrayList<>(array.node().size());
            for (At v : array.elements()) {
                if (!v.node().isIntegralNumber() || !v.node().canConvertToInt()) {
                    throw fail(v, "must be a whole number, found " + v.node());
                }
                out.add(v.node().intValue());
            }
            return out;
        }

        Code code(At parent, String field) throws ModelFileException {
            String text = text(parent, field);
            try {
                if (text.startsWith("sm")) {
                    return Code.signMagnitude(Integer.parseInt(text.substring(2)));
                }
                if (text.startsWith("u")) {
                    return Code.unsigned(Integer.parseInt(text.substring(1)));
                }
            } catch (IllegalArgumentException e) {
                throw fail(parent.field(field), "is '" + text + "', not a code: " + e.getMessage());
            }
            throw fail(parent.field(field), "is '" + text + "', not a code; write u8 (unsigned 8-bit) or sm8 (sign-magnitude)");
        }
    }
}
