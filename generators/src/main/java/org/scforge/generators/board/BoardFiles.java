package org.scforge.generators.board;

import org.scforge.dsl.Network;
import org.scforge.dsl.Widths;
import org.scforge.generators.Port;
import org.scforge.generators.Templates;
import org.scforge.generators.rtl.RtlFiles;
import org.scforge.generators.synth.SynthesisFiles;
import org.scforge.generators.synth.SynthesisJob;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The board top of a network (docs/rtl.md, "Board top"): {@code <top>_uart_rx}, {@code <top>_uart_tx},
 * {@code <top>_uart_top} around the network, the board's constraint file and a yosys script
 * {@code synth_<board>.ys} for the board top.
 */
public final class BoardFiles {

    private final Network network;
    private final RtlFiles rtl;
    private final List<String> rtlFileNames;
    private final SerialLink link;

    /** The board files of {@code rtl} (files {@code rtlFileNames}, in compile order) for {@code link}'s board. */
    public BoardFiles(Network network, RtlFiles rtl, List<String> rtlFileNames, SerialLink link) {
        this.network = network;
        this.rtl = rtl;
        this.rtlFileNames = List.copyOf(rtlFileNames);
        this.link = link;
    }

    /** {@code <top>_uart_top}, the module a board runs. */
    public static String topModule(Network network) {
        return network.name() + "_uart_top";
    }

    /** The board top's ports, in declaration order: the clock, the button, the UART pins and the LEDs. */
    public static List<Port> ports() {
        return List.of(Port.in("clk", 1), Port.in("reset_button_n", 1), Port.in("uart_rx", 1),
                Port.out("uart_tx", 1), Port.out("led_class", SynthesisFiles.BOARD_CLASS_BITS), Port.out("led_error", 1));
    }

    /** The yosys script of {@code board}. */
    public static String script(Board board) {
        return "synth_" + board.cliName() + ".ys";
    }

    /** The netlist the script writes. */
    public static String netlist(Network network, Board board) {
        return topModule(network) + "_" + board.cliName() + ".json";
    }

    /** The cell statistics the script writes. */
    public static String statFile(Board board) {
        return "stat_" + board.cliName() + ".json";
    }

    /** The synthesis of the board top for {@code board}: its script, its pins, and timing at the board's clock. */
    public static SynthesisJob job(Network network, Board board) {
        return new SynthesisJob(topModule(network), board.cliName(), board.target(), script(board),
                netlist(network, board), statFile(board), board.constraintFile(),
                java.util.OptionalDouble.of(board.clockHz() / 1e6));
    }

    /** The Verilog files of the board top, in compile order (after the network's). */
    public static List<String> verilogFiles(Network network) {
        String top = network.name();
        return List.of(top + "_uart_rx.v", top + "_uart_tx.v", topModule(network) + ".v");
    }

    /** File name to text: the three modules, the constraint file and the yosys script. */
    public Map<String, String> render() {
        List<String> files = verilogFiles(network);
        Map<String, String> out = new LinkedHashMap<>();
        out.put(files.get(0), Templates.render("uart_rx.v.ftl", uartModel(files.get(0), "UART receiver")));
        out.put(files.get(1), Templates.render("uart_tx.v.ftl", uartModel(files.get(1), "UART transmitter")));
        out.put(files.get(2), Templates.render("uart_top.v.ftl", topModel(files.get(2))));
        Board board = link.board();
        out.put(board.constraintFile(), SynthesisFiles.constraintFile(board.constraintFile()));
        Map<String, Object> script = rtl.header(script(board), "yosys synthesis of the board top for the "
                + board.description());
        List<String> sources = new ArrayList<>(rtlFileNames);
        sources.addAll(files);
        script.put("rtlFiles", sources);
        script.put("synthCommand", board.target().yosysCommand(topModule(network), netlist(network, board)));
        script.put("statFile", statFile(board));
        out.put(script(board), Templates.render("synth.ys.ftl", script));
        return out;
    }

    private Map<String, Object> uartModel(String file, String purpose) {
        Map<String, Object> model = rtl.header(file, purpose + " of the board top, " + link.baud() + " baud");
        model.put("clocksPerBit", link.clocksPerBit());
        model.put("countdownBits", Widths.unsignedBits(link.clocksPerBit() - 1));
        return model;
    }

    private Map<String, Object> topModel(String file) {
        Board board = link.board();
        SerialProtocol protocol = SerialProtocol.of(network);
        Map<String, Object> model = rtl.header(file, "board top for the " + board.description());
        model.put("boardName", board.description());
        model.put("clockMhz", String.valueOf(board.clockHz() / 1_000_000));
        model.put("baud", link.baud());
        model.put("clocksPerBit", link.clocksPerBit());
        model.put("codeBits", protocol.codeBits());
        model.put("codeBytes", protocol.codeBytes());
        model.put("countsBits", protocol.classes() * protocol.countBits());
        model.put("countBytes", protocol.countBytes());
        model.put("classBits", rtl.classBits());
        // byte_index counts the code bytes and the reply's bytes, one past the last
        model.put("indexBits", Widths.unsignedBits(Math.max(protocol.codeBytes(), protocol.resultLength())));
        model.put("quietCycles", link.quietCycles());
        model.put("quietBits", Widths.unsignedBits(link.quietCycles()));
        return model;
    }
}
