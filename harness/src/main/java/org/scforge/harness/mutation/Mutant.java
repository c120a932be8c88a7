package org.scforge.harness.mutation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One single mutation of a generated Verilog file: line {@code line} (1-based) of {@code file} becomes
 * {@code after}; a swapped-ports mutant changes this line and the next ({@code before} and {@code after}
 * hold both, separated by a newline).
 *
 * @param id        1-based, in the order the campaign sampled it
 * @param file      the file's name in the design folder
 * @param line      1-based line number
 * @param operator  {@link Mutator.Operator} that made it
 * @param before    the line as generated
 * @param after     the mutated line
 */
public record Mutant(int id, String file, int line, Mutator.Operator operator, String before, String after) {

    /** "example_lfsr.v:19 literal: `value <= SEED;` -> `...`". */
    public String describe() {
        return file + ":" + line + " " + operator.label() + ": `" + before.strip() + "` -> `" + after.strip() + "`";
    }

    /** Rewrites the file in {@code dir} with the mutated line. */
    public void apply(Path dir) throws IOException {
        Path path = dir.resolve(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(path));
        int span = before.split("\n", -1).length; // swapped ports change two lines
        List<String> original = lines.subList(line - 1, Math.min(lines.size(), line - 1 + span));
        if (!String.join("\n", original).equals(before)) {
            throw new IllegalStateException("line " + line + " of " + file + " is not the one the mutant was made from");
        }
        original.clear();
        original.addAll(List.of(after.split("\n", -1)));
        Files.write(path, lines);
    }
}
