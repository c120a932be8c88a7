package org.scforge.generators;

import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;
import org.scforge.dsl.ScforgeVersion;
import org.scforge.dsl.io.Manifest;
import org.scforge.dsl.io.Claim;
import org.scforge.dsl.io.OutputFolder;
import org.scforge.generators.bench.TestBenchFiles;
import org.scforge.generators.board.BoardFiles;
import org.scforge.generators.board.SerialLink;
import org.scforge.generators.rtl.RtlFiles;
import org.scforge.generators.synth.SynthesisFiles;
import org.scforge.generators.synth.Target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    private SerialLink board;
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

    /** Adds the board top (docs/rtl.md, "Board top"): the network behind a UART on {@code link}'s board. */
    public VerilogGenerator board(SerialLink link) {
        if (link != null) {
            Generators.refuseLearning(document.network(), "board top");
        }
        this.board = link;
        return this;
    }

    /** For {@link #writeTo(Path)}: replaces an earlier scforge output there instead of refusing it. */
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
        if (board != null) {
            files.putAll(new BoardFiles(document.network(), rtl, rtlNames, board).render());
        }
        return files;
    }

    /** The RTL file names, in compile order. */
    public List<String> rtlFileNames() {
        return List.copyOf(new RtlFiles(document.network(), options).render().keySet());
    }

    /** Writes the files into the output folder {@code dir}, as a whole (see {@link #publish(Claim)}). */
    public GeneratedDesign writeTo(Path dir) throws IOException {
        try (Claim claim = OutputFolder.of(dir, new Manifest("generate", ScforgeVersion.NUMBER)).force(force).claim()) {
            return publish(claim);
        }
    }

    /**
     * Writes the files as the whole content of the claimed folder (swapped in by renames) and describes
     * the design there. The claim stays held, so that the caller adds what it makes of the design (a
     * plan, synthesis reports, a bitstream) before another run may take the folder.
     */
    public GeneratedDesign publish(Claim claim) throws IOException {
        RtlFiles rtl = new RtlFiles(document.network(), options);
        Map<String, String> files = files();
        claim.publish(dir -> {
            writeFiles(dir, files);
            return null;
        });
        Path dir = claim.folder();
        List<Path> rtlFiles = rtl.render().keySet().stream().map(dir::resolve).toList();
        return new GeneratedDesign(document.network().name(), dir, rtlFiles, rtl.widths(), rtl.ports(), options,
                rtl.timing());
    }

    private static void writeFiles(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.writeString(path, file.getValue());
            if (file.getKey().endsWith(".sh")) {
                executable(path);
            }
        }
    }

    private static void executable(Path path) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the scripts still run with "sh script.sh"
        }
    }

    Optional<Target> target() {
        return Optional.ofNullable(target);
    }
}
