package org.scforge.dsl.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * The marker file {@value #FILE} that every output folder scforge writes holds: which command wrote it,
 * with which version. Its presence is what makes {@code --force} allowed to replace a folder; scforge
 * writes it last, so a folder that has it is complete.
 */
public record Manifest(String command, String version) {

    public static final String FILE = ".scforge-output";
    static final String FORMAT = "scforge-output";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Manifest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(version, "version");
    }

    String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("command", command);
        o.put("version", version);
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("three strings always serialise", e);
        }
    }
}
