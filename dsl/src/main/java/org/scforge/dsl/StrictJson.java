package org.scforge.dsl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Reads exactly one JSON document: text after it (a second document, stray characters) is refused, not
 * ignored, and every syntax error names the place as a JSON path ({@code $.layers[1].name}) beside the
 * line and column, so a duplicate key or a stray comma can be found without counting braces.
 */
final class StrictJson {

    private StrictJson() {
    }

    /** The one document of {@code bytes} (null for an empty file); {@code mapper} decides on duplicate keys. */
    static JsonNode tree(ObjectMapper mapper, byte[] bytes, String origin) throws ModelFileException {
        try (JsonParser parser = mapper.createParser(bytes)) {
            JsonNode root;
            try {
                root = mapper.readTree(parser);
            } catch (JsonProcessingException e) {
                throw new ModelFileException(origin + ": " + syntax(e));
            }
            if (root == null) {
                return null;
            }
            String end = " (the document ends at " + at(parser) + ")";
            JsonToken next;
            try {
                next = parser.nextToken();
            } catch (JsonProcessingException e) {
                next = JsonToken.NOT_AVAILABLE; // unparsable text after the document: text after it all the same
            }
            if (next != null) {
                throw new ModelFileException(origin + ": text after the JSON document at " + at(parser) + end
                        + "; a model file is exactly one JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new ModelFileException(origin + ": cannot read: " + e.getMessage(), e); // bytes in memory: not expected
        }
    }

    private static String syntax(JsonProcessingException e) {
        String what = e.getOriginalMessage().replaceFirst(" \\(start marker at \\[Source: .*$", "");
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String path = e instanceof StreamReadException s && s.getProcessor() != null
                ? path(s.getProcessor().getParsingContext()) : "";
        if (what.startsWith("Duplicate field ") && !path.isEmpty()) {
            return path + ": the key appears twice in one object" + where + "; a model file names each field once ("
                    + what + ")";
        }
        String hint = e instanceof JsonEOFException || what.startsWith("Unexpected end-of-input") ? " (is the file truncated?)" : "";
        return "not valid JSON" + where + (path.isEmpty() ? "" : " (" + path + ")") + hint + ": " + what;
    }

    private static String at(JsonParser parser) {
        return "line " + parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr();
    }

    /** {@code $.layers[1].name}: the place of a parser's context, from the root down. */
    static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                path.insert(0, "." + c.getCurrentName());
            }
        }
        return "$" + path;
    }
}
