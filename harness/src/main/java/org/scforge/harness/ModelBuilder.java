package org.scforge.harness;

import org.scforge.dsl.io.AtomicFiles;
import org.scforge.dsl.io.Interruption;
import org.scforge.dsl.io.IoErrors;
import org.scforge.dsl.io.ProcessTree;
import org.scforge.generators.Tool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Compiles a design with its bridge for a simulator, in a cache folder keyed by a SHA-256 of the RTL files,
 * the bridge, the flags and the tool's version: an unchanged design is never rebuilt. A build happens in a
 * temporary folder that is moved into place only when it succeeded ({@link AtomicFiles#publishFolder}),
 * so a cache entry is always whole.
 *
 * <p>The cache lives in {@code $SCFORGE_CACHE} (or the system property {@code scforge.cache}), by default
 * {@code ~/.cache/scforge}.
 */
public final class ModelBuilder {

    /** Verilator flags: -O3 for the model; no lint warnings (the generator's own lint test owns them). */
    static final List<String> VERILATOR_FLAGS = List.of("--cc", "--exe", "--build", "-O3", "-Wno-fatal", "-Wno-lint",
            "-Wno-style", "--x-assign", "fast", "--x-initial", "fast", "--noassert");

    private static final Map<Simulator, String> TOOL_VERSIONS = new ConcurrentHashMap<>();

    private final Path cacheRoot;
    /** Where the cache folder was set, for messages: "SCFORGE_CACHE", "the default", ... */
    private final String origin;

    public ModelBuilder(Path cacheRoot) {
        this(cacheRoot, "the cache folder");
    }

    private ModelBuilder(Path cacheRoot, String origin) {
        this.cacheRoot = cacheRoot;
        this.origin = origin;
    }

    /** The builder on the default cache folder. */
    public static ModelBuilder standard() {
        String property = System.getProperty("scforge.cache");
        String variable = System.getenv("SCFORGE_CACHE");
        if (property != null && !property.isBlank()) {
            return new ModelBuilder(Path.of(property), "the cache folder (system property scforge.cache)");
        }
        if (variable != null && !variable.isBlank()) {
            return new ModelBuilder(Path.of(variable), "the cache folder (SCFORGE_CACHE)");
        }
        return new ModelBuilder(Path.of(System.getProperty("user.home"), ".cache", "scforge"),
                "the cache folder (the default; set SCFORGE_CACHE for another)");
    }

    public Path cacheRoot() {
        return cacheRoot;
    }

    /**
     * Why builds cannot go into the cache folder (it is a file, cannot be created or is not writable), in
     * one line with the fix; empty when they can. Asked before a build, so that the user sees this
     * rather than a failure deep in a build.
     */
    public Optional<String> unusable() {
        String at = origin + " " + cacheRoot;
        if (Files.exists(cacheRoot) && !Files.isDirectory(cacheRoot)) {
            return Optional.of(at + " is a file, not a folder; remove it or set SCFORGE_CACHE to a folder");
        }
        try {
            Files.createDirectories(cacheRoot);
        } catch (IOException e) {
            return Optional.of(at + " cannot be created (" + IoErrors.reason(e) + "); set SCFORGE_CACHE to a"
                    + " folder you can write");
        }
        if (!Files.isWritable(cacheRoot)) {
            return Optional.of(at + " is not writable; set SCFORGE_CACHE to a folder you can write");
        }
        return Optional.empty();
    }

    /** Builds (or reuses) the design for the simulator; {@code waves} asks for a build that can dump a VCD. */
    public BuiltModel build(DutSources design, Simulator simulator, boolean waves) {
        simulator.requireAvailable();
        // builds of killed runs, which no later build of the same design would sweep
        AtomicFiles.sweepFolder(cacheRoot.resolve(simulator.id()));
        return simulator == Simulator.VERILATOR ? verilator(design, waves) : icarus(design);
    }

    private BuiltModel verilator(DutSources design, boolean waves) {
        String bridge = BridgeSource.verilator(design);
        List<String> flags = new ArrayList<>(VERILATOR_FLAGS);
        if (waves) {
            flags.add("--trace");
        }
        int jobs = Math.max(1, Runtime.getRuntime().availableProcessors());
        String key = hash(design, Simulator.VERILATOR, bridge, flags);
        return cached(Simulator.VERILATOR, design, key, waves, List.of("obj", "bridge"), dir -> {
            Files.writeString(dir.resolve("bridge.cpp"), bridge);
            List<String> cmd = new ArrayList<>(List.of("verilator"));
            cmd.addAll(flags);
            cmd.remove("--build");
            cmd.addAll(List.of("--top-module", design.top(), "-Mdir", "obj", "-o", "bridge", "bridge.cpp"));
            design.files().forEach(f -> cmd.add(f.toAbsolutePath().toString()));
            run(cmd, dir);
            // Verilator's runtime (verilated*.o) is the same for every design: compile it once and copy it
            // in, so that make only compiles the design itself.
            Path runtime = cacheRoot.resolve("verilator").resolve("runtime-" + new ContentHash()
                    .text(toolVersion(Simulator.VERILATOR)).text(String.join(" ", flags)).hex().substring(0, 16));
            Path obj = dir.resolve("obj");
            boolean reuse = Files.isDirectory(runtime) && verified(runtime, "Verilator runtime");
            if (reuse) {
                try (Stream<Path> objects = Files.list(runtime)) {
                    for (Path o : objects.toList()) {
                        Files.copy(o, obj.resolve(o.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            run(List.of("make", "-s", "-C", "obj", "-j", Integer.toString(jobs), "-f", "V" + design.top() + ".mk",
                    "bridge"), dir);
            if (!reuse) {
                keepRuntime(obj, runtime);
            }
        });
    }

    /** Keeps Verilator's compiled runtime for the next builds; when another build kept it first, theirs stays. */
    private static void keepRuntime(Path obj, Path runtime) throws IOException {
        AtomicFiles.publishFolder(runtime, dir -> {
            try (Stream<Path> objects = Files.list(obj)) {
                for (Path o : objects.filter(p -> p.getFileName().toString().matches("verilated.*\\.o")).toList()) {
                    Files.copy(o, dir.resolve(o.getFileName()));
                }
            }
            CacheEntry.seal(dir);
            return null;
        });
    }

    private BuiltModel icarus(DutSources design) {
        String bridge = BridgeSource.icarus(design);
        List<String> flags = List.of("-g2012", "-s", "scforge_bridge");
        String key = hash(design, Simulator.ICARUS, bridge, flags);
        return cached(Simulator.ICARUS, design, key, true, List.of("vvp", "-n", "model.vvp"), dir -> {
            Files.writeString(dir.resolve("bridge.v"), bridge);
            List<String> cmd = new ArrayList<>(List.of("iverilog"));
            cmd.addAll(flags);
            cmd.addAll(List.of("-o", "model.vvp", "bridge.v"));
            design.files().forEach(f -> cmd.add(f.toAbsolutePath().toString()));
            run(cmd, dir);
        });
    }

    private interface BuildStep {
        void build(Path dir) throws IOException;
    }

    private BuiltModel cached(Simulator simulator, DutSources design, String key, boolean waves, List<String> launch,
                              BuildStep step) {
        Path target = cacheRoot.resolve(simulator.id()).resolve(key);
        List<String> command = launch(target, launch);
        if (Files.isDirectory(target) && verified(target, simulator.id() + " build")) {
            return new BuiltModel(simulator, design, target, command, waves, 0, true);
        }
        long begin = System.nanoTime();
        try {
            // built in a hidden sibling and renamed into place, so a cache entry is always whole; a process
            // that built the same design meanwhile wins, and theirs is as good as ours
            AtomicFiles.publishFolder(target, dir -> {
                step.build(dir);
                CacheEntry.seal(dir); // last: the commit marker of the entry
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("building " + design.top() + " for " + simulator.id() + " failed", e);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new BuiltModel(simulator, design, target, command, waves, seconds, false);
    }

    /**
     * Whether the cache entry {@code entry} verifies ({@link CacheEntry}); one that does not is taken away,
     * with one line on stderr, so that the caller builds it again.
     */
    private static boolean verified(Path entry, String what) {
        Optional<String> damage = CacheEntry.damage(entry);
        if (damage.isEmpty()) {
            return true;
        }
        System.err.println("scforge: the cached " + what + " " + entry + " does not verify (" + damage.get()
                + "); building it again");
        try {
            AtomicFiles.discardFolder(entry);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the damaged cache entry " + entry, e);
        }
        return false;
    }

    /** The launch command with the executable made absolute inside the build folder. */
    private static List<String> launch(Path dir, List<String> launch) {
        List<String> out = new ArrayList<>();
        if (launch.get(0).equals("obj")) {
            out.add(dir.resolve("obj").resolve(launch.get(1)).toString());
        } else {
            out.add(launch.get(0));
            for (String arg : launch.subList(1, launch.size())) {
                out.add(arg.endsWith(".vvp") ? dir.resolve(arg).toString() : arg);
            }
        }
        return out;
    }

    private static String hash(DutSources design, Simulator simulator, String bridge, List<String> flags) {
        ContentHash hash = new ContentHash().text(simulator.id()).text(toolVersion(simulator)).text(design.top())
                .text(String.join(" ", flags)).text(bridge);
        design.files().forEach(hash::file);
        return hash.hex();
    }

    static String toolVersion(Simulator simulator) {
        return TOOL_VERSIONS.computeIfAbsent(simulator, s -> {
            List<String> cmd = s == Simulator.VERILATOR ? List.of("verilator", "--version") : List.of("iverilog", "-V");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                return text.lines().findFirst().orElse("");
            } catch (IOException e) {
                throw new ToolMissingException(s);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
    }

    private static void run(List<String> cmd, Path dir) throws IOException {
        Interruption.install(); // a stopped run takes make and g++ with it
        Path log = dir.resolve("build.log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            int code = p.waitFor();
            // iverilog 11 can exit 0 after "N error(s) during elaboration": its output decides too
            if (code == 0 && cmd.get(0).equals(Tool.IVERILOG.command())
                    && Tool.IVERILOG.reportsError(Files.readString(log))) {
                code = 1;
            }
            if (code != 0) {
                Interruption.awaitEndIfStopping();
                List<String> lines = Files.readAllLines(log);
                String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
                throw new IOException(cmd.get(0) + " exited with " + code + ":\n" + tail);
            }
        } catch (InterruptedException e) {
            ProcessTree.kill(p); // make's g++ runs too
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + cmd.get(0), e);
        }
    }
}
