package org.scforge.generators.bench;

import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;
import org.scforge.generators.FrameTiming;
import org.scforge.generators.Templates;
import org.scforge.generators.rtl.RtlFiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The test benches of a design: Icarus ({@code tb_<top>.v}), Verilator ({@code sim_main.cpp}), vectors and run scripts. */
public final class TestBenchFiles {

    private final ModelDocument document;
    private final RtlFiles rtl;
    private final List<String> rtlFileNames;

    /** The test benches of {@code rtl}, generated from {@code document}, compiling {@code rtlFileNames} in that order. */
    public TestBenchFiles(ModelDocument document, RtlFiles rtl, List<String> rtlFileNames) {
        this.document = document;
        this.rtl = rtl;
        this.rtlFileNames = rtlFileNames;
    }

    /** File name to text: the vectors of {@code frames} frames, the two test benches and their run scripts. */
    public Map<String, String> render(int frames) {
        Network network = document.network();
        String top = network.name();
        TestVectors vectors = TestVectors.of(document, frames);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("vectors.hex", vectors.hexFile(network, rtl.countBits(), rtl.classBits()));
        files.put("tb_" + top + ".v", Templates.render("tb.v.ftl", model("tb_" + top + ".v",
                "self-checking Icarus test bench", vectors)));
        files.put("sim_main.cpp", Templates.render("sim_main.cpp.ftl", model("sim_main.cpp",
                "Verilator C++ harness", vectors)));
        files.put("run_icarus.sh", Templates.render("run_icarus.sh.ftl", model("run_icarus.sh", "", vectors)));
        files.put("run_verilator.sh", Templates.render("run_verilator.sh.ftl", model("run_verilator.sh", "", vectors)));
        return files;
    }

    private Map<String, Object> model(String file, String purpose, TestVectors vectors) {
        Network network = document.network();
        Map<String, Object> model = rtl.header(file, purpose);
        model.put("frames", vectors.frames());
        FrameTiming timing = rtl.timing();
        model.put("latency", timing.doneEdge());
        model.put("latencyFormula", timing.folded() ? "(L+D-1)*T+1" : "L+D");
        model.put("codeWidth", network.inputs() * network.inputCode().portBits());
        model.put("countBits", rtl.countBits());
        model.put("countsWidth", network.classes() * rtl.countBits());
        model.put("classes", network.classes());
        model.put("classBits", rtl.classBits());
        model.put("readout", network.readout().name());
        model.put("rtlFiles", rtlFileNames);
        // a learning design's benches run every frame with learn low (the golden model's frames, the file's weights)
        // and leave its weights ports unread: learning runs are checked by scforge cosim (docs/cosim.md)
        model.put("learns", rtl.learns());
        model.put("weightPorts", rtl.weightPorts().stream()
                .map(p -> Map.of("name", p.name(), "width", p.width()))
                .toList());
        model.put("readbackPorts", rtl.readbackAddressPorts().stream()
                .map(p -> Map.of("name", p.name(), "width", p.width()))
                .toList());
        model.put("tracePorts", rtl.tracePorts().stream()
                .map(p -> Map.of("name", p.name(), "width", p.width()))
                .toList());
        return model;
    }
}
