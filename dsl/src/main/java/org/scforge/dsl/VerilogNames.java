package org.scforge.dsl;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which names (of the network, its sources and layers) the generated Verilog can use. The generators
 * put a name into identifiers in two ways only: as it is (the top module, a layer or source instance)
 * or followed by {@code _} and a suffix ({@code hidden_spikes}, {@code src_in_value},
 * {@code mnist_layer_hidden}). So a name is refused when it is a keyword, when it is too long, when it
 * equals one of the identifiers the templates declare themselves or is one of them cut before a
 * {@code _} ({@code window} of {@code window_last}), or when it starts with a prefix the templates keep
 * for families of their own ({@code lane_0}, {@code tb_top}); and two names are refused together when
 * one is the other followed by {@code _} ({@link #extendsName}). With these rules no two identifiers of
 * a design can be the same: two derived from different names differ before their suffixes, and none
 * derived from a name equals a generated one. Names are compared ignoring case, which also keeps the
 * file names ({@code <top>_layer_<layer>.v}) apart on file systems that ignore case.
 * {@code GENERATED} is kept complete by a generators test that reads every template.
 */
public final class VerilogNames {

    /**
     * The longest name: the Icarus bridge reads port names ({@code <layer>_membrane}) into 64 characters,
     * and file names ({@code <top>_layer_<layer>.v}, Verilator's {@code V<top>___024root__...}) stay well
     * inside the 255 bytes of common file systems.
     */
    public static final int MAX_LENGTH = 32;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** Prefixes the templates keep for families of their own identifiers and modules. */
    static final List<String> GENERATED_PREFIXES = List.of("lane_", "slot_", "tb_");

    /**
     * The identifiers the templates declare in the scopes where names appear too: the top, the layers
     * (parallel and folded), the test bench, the board wrapper and the Icarus bridge of the harness.
     */
    static final Set<String> GENERATED = Set.of(
            // top.v.ftl
            "INPUT_MASK", "LAST_CYCLE", "LAST_STEP", "argmax", "busy", "class_out", "clk", "codes", "codes_latched",
            "counts", "done", "frame_stage", "frame_step", "i", "input_negative", "input_sng", "input_stream",
            "magnitude", "offset_code", "predicted_class", "rst", "sng", "start", "window_cycle", "window_last",
            // layer.v.ftl
            "clear", "enable", "number", "spikes", "state", "x", "x_negative", "CYCLES", "LAST_CHUNK", "chunk",
            "chunk_input_masks", "chunk_present", "chunk_x", "chunk_x_negative", "fetch_chunk", "fetch_cycle",
            "fetch_group", "fetch_valid", "fire_chunk", "fire_cycle", "fire_group", "fire_valid", "group",
            "strided_x", "strided_x_negative", "sum_chunk", "sum_cycle", "sum_group", "sum_valid", "synapse_x",
            "synapse_x_negative", "total_cycle", "total_valid",
            // layer.v.ftl and top.v.ftl of a learning layer (docs/rtl.md, "Learning layers")
            "age", "age_after", "ages", "learn", "learn_number", "learning", "recent", "weights",
            // ... and of homeostasis (docs/rtl.md, "Learning layers", Homeostasis)
            "learning_frame_ends", "offsets",
            // ... and of a learning layer folded with its weights in memory (docs/rtl.md, "Folded learning layers")
            "weights_address", "weights_words", "total_group", "total_chunk", "synapse_recent", "strided_recent",
            "chunk_recent", "chunk_learns",
            // tb.v.ftl
            "CLASSES", "CLASS_BITS", "CODE_WIDTH", "COUNT_BITS", "FRAMES", "HOLD", "LATENCY", "MIDDLE",
            "VECTOR_BITS", "check_idle", "check_results", "compared", "cycles", "dut", "edges", "expected",
            "expected_class", "frame", "got", "handshake", "index", "j", "phase", "run_frame", "vector", "vectors",
            // board.v.ftl
            "FIRST_FRAME_CODES", "network", "network_class",
            // the harness's icarus_bridge.v.ftl
            "STDIN", "VALUE_BITS", "command", "count", "cycle", "done_edge", "edge_index", "found", "items", "limit",
            "name", "path", "scforge_bridge", "step", "trace", "trace_row", "value");

    /** IEEE 1800-2017 Annex B: every keyword of SystemVerilog, which includes those of Verilog-2005. */
    static final Set<String> KEYWORDS = Set.of(
            "accept_on", "alias", "always", "always_comb", "always_ff", "always_latch", "and", "assert", "assign",
            "assume", "automatic", "before", "begin", "bind", "bins", "binsof", "bit", "break", "buf", "bufif0",
            "bufif1", "byte", "case", "casex", "casez", "cell", "chandle", "checker", "class", "clocking", "cmos",
            "config", "const", "constraint", "context", "continue", "cover", "covergroup", "coverpoint", "cross",
            "deassign", "default", "defparam", "design", "disable", "dist", "do", "edge", "else", "end", "endcase",
            "endchecker", "endclass", "endclocking", "endconfig", "endfunction", "endgenerate", "endgroup",
            "endinterface", "endmodule", "endpackage", "endprimitive", "endprogram", "endproperty", "endspecify",
            "endsequence", "endtable", "endtask", "enum", "event", "eventually", "expect", "export", "extends",
            "extern", "final", "first_match", "for", "force", "foreach", "forever", "fork", "forkjoin", "function",
            "generate", "genvar", "global", "highz0", "highz1", "if", "iff", "ifnone", "ignore_bins", "illegal_bins",
            "implements", "implies", "import", "incdir", "include", "initial", "inout", "input", "inside",
            "instance", "int", "integer", "interconnect", "interface", "intersect", "join", "join_any", "join_none",
            "large", "let", "liblist", "library", "local", "localparam", "logic", "longint", "macromodule",
            "matches", "medium", "modport", "module", "nand", "negedge", "nettype", "new", "nexttime", "nmos", "nor",
            "noshowcancelled", "not", "notif0", "notif1", "null", "or", "output", "package", "packed", "parameter",
            "pmos", "posedge", "primitive", "priority", "program", "property", "protected", "pull0", "pull1",
            "pulldown", "pullup", "pulsestyle_ondetect", "pulsestyle_onevent", "pure", "rand", "randc", "randcase",
            "randsequence", "rcmos", "real", "realtime", "ref", "reg", "reject_on", "release", "repeat", "restrict",
            "return", "rnmos", "rpmos", "rtran", "rtranif0", "rtranif1", "s_always", "s_eventually", "s_nexttime",
            "s_until", "s_until_with", "scalared", "sequence", "shortint", "shortreal", "showcancelled", "signed",
            "small", "soft", "solve", "specify", "specparam", "static", "string", "strong", "strong0", "strong1",
            "struct", "super", "supply0", "supply1", "sync_accept_on", "sync_reject_on", "table", "tagged", "task",
            "this", "throughout", "time", "timeprecision", "timeunit", "tran", "tranif0", "tranif1", "tri", "tri0",
            "tri1", "triand", "trior", "trireg", "type", "typedef", "union", "unique", "unique0", "unsigned", "until",
            "until_with", "untyped", "use", "uwire", "var", "vectored", "virtual", "void", "wait", "wait_order",
            "wand", "weak", "weak0", "weak1", "while", "wildcard", "wire", "with", "within", "wor", "xnor", "xor");

    private VerilogNames() {
    }

    /**
     * Why {@code name} cannot name a network, source or layer, with a fix ({@code "is a Verilog keyword
     * ...; rename it, e.g. 'xor1'"}); empty when it can. The caller puts what it names in front.
     */
    public static Optional<String> refusal(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            return Optional.of("must start with a letter and hold only letters, digits and '_'");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("is " + name.length() + " characters long; at most " + MAX_LENGTH
                    + " keep the generated identifiers and file names within the tools' limits; shorten it");
        }
        return reason(name).map(why -> why + "; rename it" + suggestion(name).map(s -> ", e.g. '" + s + "'").orElse(""));
    }

    /**
     * {@code name} is {@code stem} followed by {@code _} (ignoring case): the generated identifiers of
     * {@code stem} ({@code stem_spikes}, ...) and of {@code name} could be the same, so a network may not
     * hold both.
     */
    public static boolean extendsName(String name, String stem) {
        return name.length() > stem.length() + 1 && lower(name).startsWith(lower(stem) + "_");
    }

    private static Optional<String> reason(String name) {
        String lower = lower(name);
        if (KEYWORDS.contains(lower)) {
            return Optional.of("is a Verilog keyword (IEEE 1800-2017, Annex B; compared ignoring case), which the"
                    + " generated Verilog cannot use as an identifier");
        }
        for (String generated : GENERATED) {
            if (lower(generated).equals(lower)) {
                return Optional.of("is an identifier the generated Verilog declares itself");
            }
            if (extendsName(generated, name)) {
                return Optional.of("would clash with '" + generated + "', which the generated Verilog declares, since"
                        + " it forms identifiers '" + name + "_...' from the name");
            }
        }
        for (String prefix : GENERATED_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return Optional.of("starts with '" + prefix + "', which the generated Verilog keeps for its own identifiers");
            }
            if ((lower + "_").equals(prefix)) {
                return Optional.of("would clash with the generated identifiers '" + prefix + "...', since the generated"
                        + " Verilog forms identifiers '" + name + "_...' from the name");
            }
        }
        return Optional.empty();
    }

    /** A name like {@code name} that is not refused, if a simple one is. */
    private static Optional<String> suggestion(String name) {
        return List.of(name + "1", "n" + name, "n" + name + "1").stream()
                .filter(s -> s.length() <= MAX_LENGTH && reason(s).isEmpty()).findFirst();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
