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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dependencies point one way: dsl <- sim <- generators <- harness <- cli, harness <- harness-junit (the JUnit
 * extension and typed drivers, which the command's jar must not carry), dsl <- test-networks, and tests on
 * top of them all; bench uses the library modules. Every Java file of every module (main and test sources)
 * is scanned for {@code import org.scforge.X...} and {@code import static org.scforge.X...}, and every
 * module's pom for its scforge dependencies; each must go down. (Comments may name any package.) Inside
 * generators the same holds for its subpackages: rtl uses neither bench nor synth ({@link #GENERATOR_PACKAGES}).
 */
class ArchitectureTest {

    /** What each module (by folder) may use besides itself. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "dsl", Set.of(),
            "sim", Set.of("dsl"),
            "generators", Set.of("dsl", "sim"),
            "harness", Set.of("dsl", "sim", "generators"),
            "harness-junit", Set.of("dsl", "sim", "generators", "harness"),
            "cli", Set.of("dsl", "sim", "generators", "harness"),
            "test-networks", Set.of("dsl"),
            "tests", Set.of("dsl", "sim", "generators", "harness", "harness-junit", "cli", "test-networks"),
            "bench", Set.of("dsl", "sim", "generators", "harness"));

    /** Each module's package below org.scforge where it is not the folder's name (a deeper package wins). */
    static final Map<String, String> PACKAGES = Map.of(
            "harness-junit", "harness.junit",
            "test-networks", "tests.designs");

    /** The package of an org.scforge import: its lower-case segments, up to the first class name or '*'. */
    private static final Pattern REFERENCE =
            Pattern.compile("^\\s*import\\s+(?:static\\s+)?org\\.scforge\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.");

    /**
     * What each subpackage of org.scforge.generators may use besides itself and the root package (the entry
     * points and shared types): the RTL stands alone, the test benches read it, the synthesis files read it
     * and put the first test frame on the board.
     */
    static final Map<String, Set<String>> GENERATOR_PACKAGES = Map.of(
            "rtl", Set.of(),
            "bench", Set.of("rtl"),
            "synth", Set.of("rtl", "bench"));

    /** The subpackage of an import of org.scforge.generators.SUB. */
    private static final Pattern GENERATOR_REFERENCE =
            Pattern.compile("^\\s*import\\s+(?:static\\s+)?org\\.scforge\\.generators\\.([a-z][a-z0-9]*)\\.");

    /** A dependency of a pom on one of the project's modules (the artifact is scforge-FOLDER). */
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>.*?</dependency>", Pattern.DOTALL);
    private static final Pattern MODULE_ARTIFACT = Pattern.compile("<artifactId>scforge-([a-z-]+)</artifactId>");

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
    void modulePomsOnlyDependOnModulesBelowThem() {
        Path root = projectRoot();
        List<String> violations = new ArrayList<>();
        for (String module : ALLOWED.keySet()) {
            String pom = module + "/pom.xml";
            violations.addAll(pomViolations(module, pom, read(root.resolve(pom))));
        }
        assertThat(violations).as("module dependencies against the dependency direction").isEmpty();
    }

    @Test
    void theRtlUsesNeitherTheTestBenchesNorSynthesis() {
        Path generators = projectRoot().resolve("generators").resolve("src");
        List<String> violations = new ArrayList<>();
        int scanned = 0;
        for (String set : List.of("main", "test")) {
            for (String sub : GENERATOR_PACKAGES.keySet()) {
                Path dir = generators.resolve(set).resolve("java/org/scforge/generators").resolve(sub);
                for (Path file : javaFiles(dir)) {
                    scanned++;
                    violations.addAll(generatorViolations(sub, projectRoot().relativize(file).toString(), read(file)));
                }
            }
        }
        assertThat(scanned).as("Java files scanned in generators' subpackages").isGreaterThan(10);
        assertThat(violations).as("references between generators' subpackages against the direction").isEmpty();
        assertThat(generatorViolations("rtl", "R.java", "import org.scforge.generators.Fold;\n"
                + "import org.scforge.generators.synth.Target;\nimport static org.scforge.generators.bench.TestVectors.of;\n"
                + "import org.scforge.generators.rtl.LayerModel;\n"))
                .as("the scan of rtl").hasSize(2);
        assertThat(generatorViolations("synth", "S.java", "import org.scforge.generators.bench.TestVectors;\n"))
                .isEmpty();
    }

    @Test
    void everyModuleOfTheRootPomIsChecked() {
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(read(projectRoot().resolve("pom.xml")));
        Set<String> modules = new TreeSet<>();
        while (m.find()) {
            modules.add(m.group(1).trim());
        }
        assertThat(modules).as("the root pom's <modules>").isEqualTo(new TreeSet<>(ALLOWED.keySet()));
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

    @Test
    void theJUnitModuleIsToldApartFromTheHarnessItExtends() {
        String source = "import org.scforge.harness.Dut;\nimport org.scforge.harness.junit.DutTest;\n"
                + "import static org.scforge.harness.junit.drivers.DriverGenerator.driver;\n"
                + "import org.scforge.tests.designs.TestNetworks;\nimport org.scforge.tests.drivers.TinyMlpDriver;\n";
        // the lines each module may not have: a deeper module package (harness.junit, tests.designs) wins
        Map<String, List<Integer>> refused = Map.of("cli", List.of(2, 3, 4, 5), "harness", List.of(2, 3, 4, 5),
                "harness-junit", List.of(4, 5), "tests", List.of(), "test-networks", List.of(1, 2, 3, 5));
        refused.forEach((module, lines) -> assertThat(violations(module, "F.java", source)).as(module)
                .map(v -> Integer.parseInt(v.split(":")[1])).containsExactlyElementsOf(lines));
        assertThat(violations("cli", "F.java", source).get(0))
                .contains("module 'cli' uses org.scforge.harness.junit (module harness-junit;");
    }

    @Test
    void thePomScanCatchesTheCommandDependingOnTheJUnitModule() {
        String pom = "<parent><artifactId>scforge-parent</artifactId></parent><artifactId>scforge-cli</artifactId>\n"
                + "<dependencies>\n  <dependency><groupId>org.scforge</groupId><artifactId>scforge-harness</artifactId>"
                + "</dependency>\n  <dependency>\n    <artifactId>scforge-harness-junit</artifactId>\n"
                + "    <scope>test</scope>\n  </dependency>\n</dependencies>\n";
        assertThat(pomViolations("cli", "cli/pom.xml", pom)).singleElement().asString()
                .contains("cli/pom.xml", "module 'cli' depends on scforge-harness-junit");
    }

    /** One line per reference from {@code module} to a module it must not use. */
    static List<String> violations(String module, String file, String source) {
        List<String> out = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            Matcher m = REFERENCE.matcher(lines[n]);
            while (m.find()) {
                String target = moduleOf(m.group(1));
                if (!target.equals(module) && !ALLOWED.get(module).contains(target)) {
                    out.add(file + ":" + (n + 1) + ": module '" + module + "' uses org.scforge." + m.group(1)
                            + " (module " + target + "; allowed: " + ALLOWED.get(module) + ")");
                }
            }
        }
        return out;
    }

    /** One line per import in {@code sub} (a subpackage of org.scforge.generators) of a subpackage it must not use. */
    static List<String> generatorViolations(String sub, String file, String source) {
        List<String> out = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            Matcher m = GENERATOR_REFERENCE.matcher(lines[n]);
            if (m.find() && !m.group(1).equals(sub) && !GENERATOR_PACKAGES.get(sub).contains(m.group(1))) {
                out.add(file + ":" + (n + 1) + ": org.scforge.generators." + sub + " uses org.scforge.generators."
                        + m.group(1) + " (allowed: " + GENERATOR_PACKAGES.get(sub) + ")");
            }
        }
        return out;
    }

    /** One line per dependency of {@code module}'s pom on a module it must not use (any scope). */
    static List<String> pomViolations(String module, String file, String pom) {
        List<String> out = new ArrayList<>();
        Matcher dependency = DEPENDENCY.matcher(pom);
        while (dependency.find()) {
            Matcher artifact = MODULE_ARTIFACT.matcher(dependency.group());
            if (artifact.find() && !ALLOWED.get(module).contains(artifact.group(1))) {
                out.add(file + ": module '" + module + "' depends on scforge-" + artifact.group(1) + " (allowed: "
                        + ALLOWED.get(module) + ")");
            }
        }
        return out;
    }

    /** The module whose package holds {@code pkg} (below org.scforge): the longest matching module package. */
    static String moduleOf(String pkg) {
        String best = pkg;
        int bestLength = -1;
        for (String module : ALLOWED.keySet()) {
            String own = PACKAGES.getOrDefault(module, module);
            if ((pkg.equals(own) || pkg.startsWith(own + ".")) && own.length() > bestLength) {
                best = module;
                bestLength = own.length();
            }
        }
        return best;
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
