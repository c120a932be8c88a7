package org.scforge.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model-file layout holds for any size: arrays of 100,000 numbers and strings of 100,000 characters
 * are written (the regular expression that formatted model files overflowed the stack past about 1,000
 * numbers or 2,000 characters), parse back to the same JSON tree, and keep the layout: an array of
 * numbers on one line, every other element on a line of its own.
 */
class LargeModelFileProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Provide
    Arbitrary<List<Integer>> longRows() {
        return Arbitraries.integers().list().ofMinSize(1).ofMaxSize(100_000);
    }

    @Provide
    Arbitrary<String> longStrings() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(100_000),
                Arbitraries.strings().withChars("[], -0123456789\"\\\n\t").ofMaxLength(100_000));
    }

    @Property(tries = 30)
    void anyTreeParsesBackAndKeepsTheLayout(@ForAll("longRows") List<Integer> row, @ForAll("longStrings") String text,
                                            @ForAll @IntRange(min = 0, max = 3) int emptyRows) throws Exception {
        ObjectNode root = NODES.objectNode();
        root.put("text", text);
        ArrayNode rows = root.putArray("rows");
        ArrayNode numbers = rows.addArray();
        row.forEach(numbers::add);
        for (int k = 0; k < emptyRows; k++) {
            rows.addArray();
        }
        rows.addObject().put("kind", "if").put("n", row.size());
        root.putObject("empty");

        String written = FoldedJson.write(root);

        assertThat(JSON.readTree(written)).isEqualTo(root);
        List<String> lines = written.lines().toList();
        String folded = String.join(", ", row.stream().map(String::valueOf).toList());
        assertThat(lines).as("the numbers on one line").contains("    [" + folded + "],");
        assertThat(lines).as("objects one key per line").contains("      \"kind\" : \"if\",", "  \"empty\" : { }");
        assertThat(lines.stream().filter(l -> l.equals("    [ ],"))).as("empty arrays stay as Jackson writes them")
                .hasSize(emptyRows);
    }

    /** What {@code train --test 2000} saved: 2,000 test frames, and a label array of 2,000 entries. */
    @Test
    void aModelWithThousandsOfFramesAndInputsRoundTrips() throws Exception {
        Network wide = Network.named("wide").inputs(1200, Code.unsigned(4)).weights(3).bitstream(16)
                .sources(SourcePlan.lowDiscrepancy(4, 1)).dense("out", 3, Neuron.counter()).build();
        List<List<Integer>> codes = IntStream.range(0, 2000)
                .mapToObj(f -> IntStream.range(0, 1200).map(i -> (i + f) % 16).boxed().toList()).toList();
        List<Integer> labels = IntStream.range(0, 2000).map(f -> f % 3).boxed().toList();
        ModelDocument document = new ModelDocument(wide, Optional.of(new TestFrames(codes, labels)),
                Map.of("note", "x".repeat(100_000)));

        String json = ModelFile.toJson(document);

        assertThat(ModelFile.parse(json, "wide.json")).isEqualTo(document);
        JsonNode tree = JSON.readTree(json);
        assertThat(tree.get("testFrames").get("labels")).hasSize(2000);
        assertThat(json.lines().filter(l -> l.startsWith("      [")).toList()).as("one line per frame").hasSize(2000)
                .allSatisfy(l -> assertThat(l).doesNotContain("\n").contains(", 15, 0, 1,"));
    }
}
