package org.scforge.generators;

import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generates a design: the RTL, and on request the self-checking test benches (Icarus and Verilator,
 * expected values from the golden model) and the synthesis files of one target.
 * Same model and settings, byte-identical files.
 */
public final class VerilogGenerator {

    private final ModelDocument document;
    private GeneratorOptions options = GeneratorOptions.defaults();
    private int testFrames;
    private Target target;
    private boolean force;

    VerilogGenerator(ModelDocument document) {
        this.document = document;
    }

    public VerilogGenerator options(GeneratorOptions newOptions) {
        this.options = newOptions;
        return this;
    }

    /** Adds the test benches and a vector file of {@code frames} frames (0: no test bench). */
    public VerilogGenerator testBench(int frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("frames " + frames + " must not be negative");
        }
        this.testFrames = frames;
        return this;
    }

    /** Adds the board wrapper, the yosys script and the constraints of {@code t}. */
    public VerilogGenerator target(Target t) {
        this.target = t;
        return this;
    }

    /** Replaces a non-empty output directory instead of refusing it. */
    public VerilogGenerator force(boolean replace) {
        this.force = replace;
        return this;
    }

    public Network network() {
        return document.network();
    }

    /** Every file, name to text, in a fixed order. */
    public Map<String, String> files() {
        RtlFiles rtl = new RtlFiles(document.network(), options);
        Map<String, String> files = new LinkedHashMap<>(rtl.render());
        List<String> rtlNames = new ArrayList<>(files.keySet());
        if (testFrames > 0) {
            files.putAll(new TestBenchFiles(document, rtl, rtlNames).render(testFrames));
        }
        if (target != null) {
            files.putAll(new SynthesisFiles(document, rtl, rtlNames, target).render());
        }
        return files;
    }

    /** The RTL file names, in compile order. */
    public List<String> rtlFileNames() {
        return List.copyOf(new RtlFiles(document.network(), options).render().keySet());
    }

    /** Writes the files into {@code dir} (through a temporary directory) and describes the design. */
    public Design writeTo(Path dir) throws IOException {
        RtlFiles rtl = new RtlFiles(document.network(), options);
        Map<String, String> files = files();
        OutputDirectory.write(dir, files, force);
        List<Path> rtlFiles = rtl.render().keySet().stream().map(dir::resolve).toList();
        return new Design(document.network().name(), dir, rtlFiles, rtl.widths(), rtl.ports(), options,
                rtl.timing());
    }

    Optional<Target> target() {
        return Optional.ofNullable(target);
    }
}
