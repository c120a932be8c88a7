package org.scforge.tests;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dependencies point one way: dsl <- sim <- generators <- harness <- cli / tests. Every Java file of
 * every module (main and test sources) is scanned for {@code import org.scforge.X...} and
 * {@code import static org.scforge.X...}; each must go down the chain. (Comments may name any package.)
 */
class ArchitectureTest {

    /** What each module's package may use besides itself. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "dsl", Set.of(),
            "sim", Set.of("dsl"),
            "generators", Set.of("dsl", "sim"),
            "harness", Set.of("dsl", "sim", "generators"),
            "cli", Set.of("dsl", "sim", "generators", "harness"),
            "tests", Set.of("dsl", "sim", "generators", "harness", "cli"),
            "bench", Set.of("dsl", "sim", "generators", "harness"));

    private static final Pattern REFERENCE = Pattern.compile("^\\s*import\\s+(?:static\\s+)?org\\.scforge\\.([a-z]+)\\.");

    @Test
    void modulesOnlyUseModulesBelowThem() {
        Path root = projectRoot();
        List<String> violations = new ArrayList<>();
        int scanned = 0;
        for (String module : ALLOWED.keySet()) {
            for (Path file : javaFiles(root.resolve(module).resolve("src"))) {
                scanned++;
                violations.addAll(violations(module, root.relativize(file).toString(), read(file)));
            }
        }
        assertThat(scanned).as("Java files scanned (the scan must see the sources)").isGreaterThan(20);
        assertThat(violations).as("references against the dependency direction").isEmpty();
    }

    @Test
    void theScanCatchesAnUpwardImport() {
        String source = "package org.scforge.dsl;\n\nimport org.scforge.sim.GoldenModel;\n  import  static "
                + "org.scforge.cli.Main.run;\nimport org.scforge.dsl.Network;\n/** See org.scforge.harness.Cosim. */\n";
        assertThat(violations("dsl", "dsl/X.java", source)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("dsl/X.java:3", "org.scforge.sim"))
                .anySatisfy(v -> assertThat(v).contains("dsl/X.java:4", "org.scforge.cli"));
        assertThat(violations("cli", "cli/Y.java", "package org.scforge.cli;\nimport org.scforge.dsl.Network;\n"
                + "import org.scforge.harness.Z;\n")).isEmpty();
        assertThat(violations("sim", "sim/Z.java", "package org.scforge.sim;\nimport org.scforge.generators.V;\n"))
                .singleElement().asString().contains("sim/Z.java:2");
    }

    /** One line per reference from {@code module} to a module it must not use. */
    static List<String> violations(String module, String file, String source) {
        List<String> out = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            Matcher m = REFERENCE.matcher(lines[n]);
            while (m.find()) {
                String target = m.group(1);
                boolean own = target.equals(module);
                if (!own && !ALLOWED.get(module).contains(target)) {
                    out.add(file + ":" + (n + 1) + ": module '" + module + "' uses org.scforge." + target
                            + " (allowed: " + ALLOWED.get(module) + ")");
                }
            }
        }
        return out;
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder holding the parent pom: surefire runs in {@code tests/}. */
    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("dsl").resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("project root above %s", Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }
}
