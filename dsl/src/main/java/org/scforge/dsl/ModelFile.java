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
 * ({@link AtomicFiles#writeString}); reading checks every field and reports the first problem as one
 * line naming the file and the JSON path. Saving then loading gives an equal {@link Network}.
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
        for (DenseLayer layer : n.layers()) {
            ObjectNode o = layers.addObject();
            o.put("name", layer.name());
            o.put("neurons", layer.neurons());
            if (layer.synapse() != Synapse.AND) {
                // absent means and, so the files of and networks stay as they were before the field existed
                o.put("synapse", layer.synapse().modelName());
            }
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
        return FoldedJson.write(root) + "\n";
    }

    private static void ints(ArrayNode array, List<Integer> values) {
        values.forEach(array::add);
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
        JsonNode root = StrictJson.tree(JSON, bytes, origin);
        if (root == null || !root.isObject()) {
            throw new ModelFileException(origin + ": not a model file: expected a JSON object");
        }
        Reader r = new Reader(origin);
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
            throw new ModelFileException(origin + ": invalid model: " + e.problems().get(0)
                    + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more)" : ""));
        }
    }

    /** Reads fields and fails with the JSON path of the first missing or mistyped one. */
    private record Reader(String origin) {

        ModelDocument document(JsonNode root) throws ModelFileException {
            String name = text(root, "name");
            JsonNode inputsNode = object(root, "inputs");
            int inputs = integer(inputsNode, "count");
            Code inputCode = code(inputsNode, "code");
            int weightBits = integer(root, "weightBits");
            int length = integer(root, "length");
            List<Source> sources = new ArrayList<>();
            for (JsonNode s : array(root, "sources")) {
                sources.add(source(s));
            }
            JsonNode ip = object(root, "inputPlan");
            InputPlan inputPlan = new InputPlan(text(ip, "source"), intList(ip, "masks"));
            List<DenseLayer> layers = new ArrayList<>();
            for (JsonNode l : array(root, "layers")) {
                layers.add(layer(l));
            }
            Network network = new Network(name, inputs, inputCode, weightBits, length, sources, inputPlan, layers);
            Optional<TestFrames> frames = Optional.empty();
            if (root.has("testFrames")) {
                JsonNode tf = object(root, "testFrames");
                List<List<Integer>> codes = new ArrayList<>();
                for (JsonNode row : array(tf, "codes")) {
                    codes.add(intList(row, "testFrames.codes[]"));
                }
                List<Integer> labels = intList(tf, "labels");
                if (codes.size() != labels.size()) {
                    throw fail(tf, "labels", "has " + labels.size() + " entries but there are " + codes.size() + " frames");
                }
                if (codes.size() > Limits.MAX_FRAMES) {
                    throw fail(tf, "codes", "holds " + codes.size() + " frames, more than the limit of " + Limits.MAX_FRAMES);
                }
                for (int f = 0; f < labels.size(); f++) {
                    int label = labels.get(f);
                    if (label != NO_LABEL && (label < 0 || label >= network.classes())) {
                        throw new ModelFileException(origin + ": $.testFrames.labels[" + f + "] = " + label + " must be "
                                + NO_LABEL + " (no label) or a class 0.." + (network.classes() - 1)
                                + " of the readout layer '" + network.readout().name() + "'");
                    }
                }
                for (int f = 0; f < codes.size(); f++) {
                    if (codes.get(f).size() != inputs) {
                        throw fail(tf, "codes[" + f + "]", "has " + codes.get(f).size() + " codes, the network has " + inputs + " inputs");
                    }
                    for (int code : codes.get(f)) {
                        if (!inputCode.accepts(code)) {
                            throw fail(tf, "codes[" + f + "]", "holds " + code + ", outside " + inputCode.shortName());
                        }
                    }
                }
                frames = Optional.of(new TestFrames(codes, labels));
            }
            Map<String, String> info = new LinkedHashMap<>();
            if (root.has("info")) {
                JsonNode infoNode = object(root, "info");
                for (Map.Entry<String, JsonNode> e : infoNode.properties()) {
                    info.put(e.getKey(), text(infoNode, e.getKey()));
                }
            }
            return new ModelDocument(network, frames, info);
        }

        private Source source(JsonNode s) throws ModelFileException {
            String name = text(s, "name");
            String kind = text(s, "kind");
            int width = integer(s, "width");
            return switch (kind) {
                case "lfsr" -> new Source.Lfsr(name, width, intList(s, "taps"), longValue(s, "seed"));
                case "vdc" -> new Source.VanDerCorput(name, width);
                case "sobol" -> new Source.Sobol(name, width, integer(s, "dimension"));
                default -> throw fail(s, "kind", "'" + kind + "' is not a source kind; use lfsr, vdc or sobol");
            };
        }

        private DenseLayer layer(JsonNode l) throws ModelFileException {
            String name = text(l, "name");
            int neurons = integer(l, "neurons");
            Synapse synapse = synapse(l);
            JsonNode n = object(l, "neuron");
            String kind = text(n, "kind");
            NeuronModel neuron = switch (kind) {
                case "if" -> new NeuronModel.IntegrateAndFire(integer(n, "threshold"), integer(n, "floor"),
                        integer(n, "ceiling"), integer(n, "leakShift"));
                case "counter" -> new NeuronModel.Counter();
                default -> throw fail(n, "kind", "'" + kind + "' is not a neuron kind; use if or counter");
            };
            JsonNode p = object(l, "weightPlan");
            WeightPlan plan = new WeightPlan(text(p, "source"), intList(p, "neuronMasks"), intList(p, "inputMasks"));
            JsonNode weightsNode = array(l, "weights");
            int[][] rows = new int[weightsNode.size()][];
            for (int j = 0; j < rows.length; j++) {
                List<Integer> row = intList(weightsNode.get(j), "weights[" + j + "]");
                rows[j] = row.stream().mapToInt(Integer::intValue).toArray();
                if (j > 0 && rows[j].length != rows[0].length) {
                    throw fail(l, "weights[" + j + "]", "has " + rows[j].length + " values, row 0 has " + rows[0].length);
                }
            }
            IntMatrix weights = rows.length == 0 ? IntMatrix.zeros(0, 0) : IntMatrix.of(rows);
            return new DenseLayer(name, neurons, neuron, weights, intList(l, "bias"), plan, synapse);
        }

        /** The optional field {@code synapse}: absent is {@link Synapse#AND}. */
        private Synapse synapse(JsonNode l) throws ModelFileException {
            if (!l.has("synapse")) {
                return Synapse.AND;
            }
            String kind = text(l, "synapse");
            return Synapse.fromModelName(kind).orElseThrow(
                    () -> fail(l, "synapse", "'" + kind + "' is not a synapse kind; use and or xnor"));
        }

        ModelFileException fail(JsonNode parent, String field, String what) {
            return new ModelFileException(origin + ": field '" + field + "' " + what);
        }

        private JsonNode field(JsonNode parent, String field) throws ModelFileException {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                throw new ModelFileException(origin + ": field '" + field + "' is missing");
            }
            return node;
        }

        String text(JsonNode parent, String field) throws ModelFileException {
            JsonNode node = field(parent, field);
            if (!node.isTextual()) {
                throw fail(parent, field, "must be a string, found " + node.getNodeType().toString().toLowerCase());
            }
            return node.asText();
        }

        int integer(JsonNode parent, String field) throws ModelFileException {
            JsonNode node = field(parent, field);
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw fail(parent, field, "must be a whole number, found " + node);
            }
            return node.intValue();
        }

        long longValue(JsonNode parent, String field) throws ModelFileException {
            JsonNode node = field(parent, field);
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw fail(parent, field, "must be a whole number, found " + node);
            }
            return node.longValue();
        }

        JsonNode object(JsonNode parent, String field) throws ModelFileException {
            JsonNode node = field(parent, field);
            if (!node.isObject()) {
                throw fail(parent, field, "must be an object");
            }
            return node;
        }

        JsonNode array(JsonNode parent, String field) throws ModelFileException {
            JsonNode node = field(parent, field);
            if (!node.isArray()) {
                throw fail(parent, field, "must be an array");
            }
            return node;
        }

        /** An array of whole numbers: {@code node} itself when it is one, else its field {@code field}. */
        List<Integer> intList(JsonNode node, String field) throws ModelFileException {
            JsonNode array = node.isArray() ? node : array(node, field);
            if (!array.isArray()) {
                throw new ModelFileException(origin + ": field '" + field + "' must be an array of whole numbers");
            }
            List<Integer> out = new ArrayList<>(array.size());
            for (JsonNode v : array) {
                if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                    throw new ModelFileException(origin + ": field '" + field + "' must hold whole numbers, found " + v);
                }
                out.add(v.intValue());
            }
            return out;
        }

        Code code(JsonNode parent, String field) throws ModelFileException {
            String text = text(parent, field);
            try {
                if (text.startsWith("sm")) {
                    return Code.signMagnitude(Integer.parseInt(text.substring(2)));
                }
                if (text.startsWith("u")) {
                    return Code.unsigned(Integer.parseInt(text.substring(1)));
                }
            } catch (IllegalArgumentException e) {
                throw fail(parent, field, "'" + text + "' is not a code: " + e.getMessage());
            }
            throw fail(parent, field, "'" + text + "' is not a code; write u8 (unsigned 8-bit) or sm8 (sign-magnitude)");
        }
    }
}
