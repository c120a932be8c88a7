package org.scforge.generators.synth;

import org.scforge.dsl.Code;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;
import org.scforge.generators.Port;
import org.scforge.generators.Templates;
import org.scforge.generators.bench.TestVectors;
import org.scforge.generators.rtl.RtlFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What synthesis for one target needs: the board wrapper {@code <top>_board} (clk, rst, start, done and
 * a 4-bit class_out on pins; the codes of the first test frame held in the design, and a learning network's
 * learn at 1 and weights readback addresses at 0), the yosys script
 * {@code synth_<target>.ys} and the target's constraint file from {@code constraints/}.
 */
public final class SynthesisFiles {

    /** class_out bits a board puts on pins (LEDs), here and in the UART top: classes 0..15, or the low 4 bits. */
    public static final int BOARD_CLASS_BITS = 4;

    private final ModelDocument document;
    private final RtlFiles rtl;
    private final List<String> rtlFileNames;
    private final Target target;

    /** The synthesis files of {@code rtl} (files {@code rtlFileNames}, in compile order) for {@code target}. */
    public SynthesisFiles(ModelDocument document, RtlFiles rtl, List<String> rtlFileNames, Target target) {
        this.document = document;
        this.rtl = rtl;
        this.rtlFileNames = rtlFileNames;
        this.target = target;
    }

    static String boardTop(Network network) {
        return network.name() + "_board";
    }

    static String netlist(Network network, Target target) {
        return boardTop(network) + "_" + target.cliName() + ".json";
    }

    static String statFile(Target target) {
        return "stat_" + target.cliName() + ".json";
    }

    static String script(Target target) {
        return "synth_" + target.cliName() + ".ys";
    }

    /** File name to text: the board wrapper, the yosys script and the constraint file. */
    public Map<String, String> render() {
        Network network = document.network();
        String board = boardTop(network) + ".v";
        Map<String, String> files = new LinkedHashMap<>();
        files.put(board, Templates.render("board.v.ftl", boardModel(board)));
        Map<String, Object> model = rtl.header(script(target), "yosys synthesis for " + target.device());
        List<String> sources = new ArrayList<>(rtlFileNames);
        sources.add(board);
        model.put("rtlFiles", sources);
        model.put("synthCommand", target.yosysCommand(boardTop(network), netlist(network, target)));
        model.put("statFile", statFile(target));
        files.put(script(target), Templates.render("synth.ys.ftl", model));
        files.put(target.constraintFile(), constraintFile(target.constraintFile()));
        return files;
    }

    /** The text of {@code name} in {@code constraints/}, shipped in the jar. */
    public static String constraintFile(String name) {
        String resource = "/constraints/" + name;
        try (InputStream in = SynthesisFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("constraint file " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> boardModel(String file) {
        Network network = document.network();
        Map<String, Object> model = rtl.header(file, "board wrapper for synthesis on " + target.device());
        int[] codes = TestVectors.of(document, 1).codes()[0];
        Code code = network.inputCode();
        BigInteger packed = BigInteger.ZERO;
        for (int i = codes.length - 1; i >= 0; i--) {
            packed = packed.shiftLeft(code.portBits()).or(BigInteger.valueOf(TestVectors.portCode(code, codes[i])));
        }
        int width = network.inputs() * code.portBits();
        model.put("codeWidth", width);
        model.put("firstFrame", width + "'h" + packed.toString(16));
        model.put("classBits", rtl.classBits());
        model.put("boardClassBits", BOARD_CLASS_BITS);
        // a learning network's other inputs (docs/rtl.md, "Board wrapper and synthesis"): learn at 1, each
        // layer's weights readback address at 0
        List<Map<String, Object>> held = new ArrayList<>();
        for (Port p : rtl.ports()) {
            if (p.isInput() && !List.of("clk", "rst", "start", "codes").contains(p.name())) {
                held.add(Map.of("name", p.name(), "value", p.name().equals("learn") ? "1'b1" : p.width() + "'d0"));
            }
        }
        model.put("heldInputs", held);
        List<Map<String, Object>> unused = new ArrayList<>();
        for (Port p : rtl.ports()) {
            if (!p.isInput() && !p.name().equals("done") && !p.name().equals("class_out")) {
                unused.add(Map.of("name", p.name(), "width", p.width()));
            }
        }
        model.put("unusedOutputs", unused);
        return model;
    }
}
