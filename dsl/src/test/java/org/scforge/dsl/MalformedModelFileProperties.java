package org.scforge.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A model file that cannot be read gives a {@link ModelFileException} whose message is one line naming
 * the file and the problem: truncated JSON, wrong format or version, a missing field, a field of the
 * wrong type, or a network that does not validate.
 */
@net.jqwik.api.PropertyDefaults(tries = 100)
class MalformedModelFileProperties {

    private static final String ORIGIN = "models/broken.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Provide
    Arbitrary<ModelDocument> documents() {
        return RandomNetworks.documents();
    }

    @Property
    void truncatedFilesAreRefused(@ForAll("documents") ModelDocument document, @ForAll double cut) {
        String json = ModelFile.toJson(document).strip();
        int length = (int) (Math.abs(cut) % 1.0 * json.length());
        String problem = refusal(json.substring(0, length));
        assertThat(problem).containsAnyOf("not valid JSON", "expected a JSON object");
    }

    @Property
    void everyMissingRequiredFieldIsNamed(@ForAll("documents") ModelDocument document, @ForAll int pick) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(ModelFile.toJson(document));
        List<Field> fields = requiredFields(root);
        Field field = fields.get(Math.floorMod(pick, fields.size()));
        field.parent().remove(field.name());
        assertThat(refusal(root.toString())).contains(ORIGIN + ": " + field.path() + " is missing");
    }

    @Property
    void everyFieldOfTheWrongTypeIsNamed(@ForAll("documents") ModelDocument document, @ForAll int pick) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(ModelFile.toJson(document));
        List<Field> fields = requiredFields(root);
        Field field = fields.get(Math.floorMod(pick, fields.size()));
        JsonNode old = field.parent().get(field.name());
        JsonNode wrong = old.isTextual() ? JSON.getNodeFactory().numberNode(7)
                : old.isNumber() ? TextNode.valueOf("seven")
                : old.isArray() ? JSON.createObjectNode() : JSON.getNodeFactory().numberNode(1.5);
        field.parent().set(field.name(), wrong);
        String problem = refusal(root.toString());
        assertThat(problem).startsWith(ORIGIN + ": " + field.path() + " must");
    }

    @Property
    void otherVersionsAreRefused(@ForAll("documents") ModelDocument document,
                                 @ForAll @IntRange(min = -5, max = 100) int version) throws Exception {
        net.jqwik.api.Assume.that(version != ModelFile.VERSION);
        ObjectNode root = (ObjectNode) JSON.readTree(ModelFile.toJson(document));
        root.put("version", version);
        assertThat(refusal(root.toString())).contains("model file version " + version + " is not supported");
    }

    @Property(tries = 50)
    void invalidNetworksAreRefusedWithEveryProblem(@ForAll("documents") ModelDocument document,
                                                        @ForAll @IntRange(min = -3, max = 0) int threshold) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(ModelFile.toJson(document));
        ObjectNode out = (ObjectNode) root.withArray("layers").get(document.network().layers().size() - 1);
        ((ObjectNode) out.get("neuron")).put("kind", "if").put("threshold", threshold).put("floor", 0)
                .put("ceiling", 0).put("leakShift", 0);
        String readout = document.network().readout().name();
        String invalid = ORIGIN + ": invalid model: layer '" + readout + "': ";
        assertThat(refusal(root.toString()).lines()).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith(invalid + "the last layer must be a counting readout"))
                .anySatisfy(line -> assertThat(line).startsWith(invalid + "threshold " + threshold + " must be >= 1"));
    }

    @Example
    void everyProblemOfAnInvalidNetworkIsNamed() throws Exception {
        Network net = Network.named("n").inputs(2, Code.unsigned(3)).dense("out", 2, Neuron.counter()).build();
        ObjectNode root = (ObjectNode) JSON.readTree(ModelFile.toJson(ModelDocument.of(net)));
        root.put("weightBits", 40);
        ((ObjectNode) root.withArray("layers").get(0)).withArray("bias").add(0);
        String invalid = ORIGIN + ": invalid model: ";
        assertThat(refusal(root.toString()).lines()).containsExactly(
                invalid + "network 'n': weight bits 40 must be between 1 and 16",
                invalid + "layer 'out': bias has 3 values, needs one per neuron (2)",
                invalid + "layer 'out' weight plan: source 'src_out' is 16 bits wide but the codes need 40; widen the source to at least 40");
    }

    @Example
    void wrongFormatIsRefused() {
        assertThat(refusal("{\"format\": \"something-else\", \"version\": 1}"))
                .contains("not a model file: format is 'something-else', expected 'scforge-model'");
        assertThat(refusal("[1, 2, 3]")).contains("not a model file: expected a JSON object");
        assertThat(refusal("")).contains(ORIGIN + ": ");
    }

    @Example
    void unknownKindsAreNamed() throws Exception {
        Network net = Network.named("n").inputs(2, Code.unsigned(3)).dense("out", 2, Neuron.counter()).build();
        ObjectNode root = (ObjectNode) JSON.readTree(ModelFile.toJson(ModelDocument.of(net)));
        ((ObjectNode) root.withArray("sources").get(0)).put("kind", "noise");
        assertThat(refusal(root.toString())).isEqualTo(ORIGIN + ": $.sources[0].kind is 'noise', not a source kind; use lfsr, vdc or sobol");
        root = (ObjectNode) JSON.readTree(ModelFile.toJson(ModelDocument.of(net)));
        ((ObjectNode) root.get("inputs")).put("code", "q8");
        assertThat(refusal(root.toString())).startsWith(ORIGIN + ": $.inputs.code is 'q8', not a code");
        ((ObjectNode) root.get("inputs")).put("code", "u99");
        assertThat(refusal(root.toString())).startsWith(ORIGIN + ": $.inputs.code is 'u99', not a code");
        ((ObjectNode) root.get("inputs")).put("code", "u3");
        root.putObject("info").put("seed", 7);
        assertThat(refusal(root.toString())).isEqualTo(ORIGIN + ": $.info.seed must be a string, found number");
    }

    @Example
    void missingAndUnreadableFilesAreNamed() throws Exception {
        Path dir = Files.createTempDirectory("scforge-malformed");
        try {
            Path missing = dir.resolve("nothing.json");
            ModelFileException e = catchThrowableOfType(ModelFileException.class, () -> ModelFile.load(missing));
            assertThat(e.getMessage()).isEqualTo(missing + ": no such file");
            ModelFileException directory = catchThrowableOfType(ModelFileException.class, () -> ModelFile.load(dir));
            assertThat(directory.getMessage()).startsWith(dir + ": ").doesNotContain("\n");
            Path truncated = dir.resolve("cut.json");
            Files.writeString(truncated, "{\"format\": \"scforge-model\", \"vers");
            ModelFileException cut = catchThrowableOfType(ModelFileException.class, () -> ModelFile.load(truncated));
            assertThat(cut.getMessage()).startsWith(truncated + ": not valid JSON").doesNotContain("\n");
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Parses {@code text}, expects a refusal and returns its message: its lines, each naming the file (only
     * an invalid network has several, one per problem).
     */
    private static String refusal(String text) {
        ModelFileException e = catchThrowableOfType(ModelFileException.class, () -> ModelFile.parse(text, ORIGIN));
        assertThat(e).as("a ModelFileException for %s", text).isNotNull();
        assertThat(e.lines()).allSatisfy(line -> assertThat(line).startsWith(ORIGIN + ": ").doesNotContain("\n", "\r"));
        if (e.lines().size() > 1) {
            assertThat(e.lines()).allSatisfy(line -> assertThat(line).startsWith(ORIGIN + ": invalid model: "));
        }
        assertThat(e.getMessage()).isEqualTo(String.join("\n", e.lines()));
        return e.getMessage();
    }

    /** A field of the tree, with the JSON path a message must name. */
    private record Field(ObjectNode parent, String name, String path) {
    }

    /** Every object field in the tree except the optional ones ({@code testFrames}, {@code info} and below). */
    private static List<Field> requiredFields(JsonNode node) {
        List<Field> out = new ArrayList<>();
        collect(node, "$", out);
        return out;
    }

    private static void collect(JsonNode node, String path, List<Field> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                // optional fields; a layer's synapse kind is optional too (absent means and)
                if (!e.getKey().equals("info") && !e.getKey().equals("testFrames") && !e.getKey().equals("synapse")) {
                    String fieldPath = path + "." + e.getKey();
                    out.add(new Field((ObjectNode) node, e.getKey(), fieldPath));
                    collect(e.getValue(), fieldPath, out);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", out);
            }
        }
    }
}
