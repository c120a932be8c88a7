package org.scforge.dsl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The layout of model files: Jackson's pretty printer (objects and arrays one element per line,
 * two-space indent), except that an array of numbers is written on one line, {@code [5, -3, 7]}, so a
 * 128x50 weight matrix stays readable and diffs row by row.
 *
 * <p>The tree is walked here and every token goes through Jackson's generator; a folded array is
 * handed over as one raw value, so the generator still places the separators and indentation around
 * it. Nothing scans the text afterwards, so neither array length nor string length matters (the
 * regular expression this replaces overflowed the stack past about 1,000 numbers).
 */
final class FoldedJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FoldedJson() {
    }

    /** {@code root} in the model-file layout, without a trailing newline. */
    static String write(JsonNode root) {
        StringWriter text = new StringWriter();
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator g = JSON.createGenerator(text).setPrettyPrinter(pretty)) {
            node(g, root);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    private static void node(JsonGenerator g, JsonNode node) throws IOException {
        if (node.isObject()) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                g.writeFieldName(field.getKey());
                node(g, field.getValue());
            }
            g.writeEndObject();
        } else if (isNumberRow(node)) {
            g.writeRawValue(numberRow(node));
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode element : node) {
                node(g, element);
            }
            g.writeEndArray();
        } else {
            g.writeTree(node);
        }
    }

    /** A non-empty array of numbers only; an empty one keeps Jackson's {@code [ ]}, as model files always had. */
    private static boolean isNumberRow(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode element : node) {
            if (!element.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static String numberRow(JsonNode array) throws IOException {
        StringBuilder row = new StringBuilder(array.size() * 4).append('[');
        for (int k = 0; k < array.size(); k++) {
            row.append(k == 0 ? "" : ", ").append(JSON.writeValueAsString(array.get(k)));
        }
        return row.append(']').toString();
    }
}
