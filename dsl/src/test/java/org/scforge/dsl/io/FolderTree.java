package org.scforge.dsl.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A folder's whole content as one comparable value, for tests that assert a refusal changed nothing.
 * Published in the dsl test jar for the cli's output-folder tests.
 */
public final class FolderTree {

    private FolderTree() {
    }

    /** Every entry below {@code root}: relative name to content, "/" for a folder. */
    public static Map<String, String> of(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.equals(root)).toList()) {
                out.put(root.relativize(p).toString(), Files.isDirectory(p) ? "/" : Files.readString(p));
            }
        }
        return out;
    }
}
