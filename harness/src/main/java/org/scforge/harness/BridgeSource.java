package org.scforge.harness;

import org.scforge.generators.Port;
import org.scforge.generators.Templates;

import java.util.HashMap;
import java.util.Map;

/** Renders the bridge that drives a design in a simulator: a C++ main for Verilator, a test bench for Icarus. */
final class BridgeSource {

    private static final Templates BRIDGES = new Templates(BridgeSource.class, "/org/scforge/harness");

    private BridgeSource() {
    }

    static String verilator(DutSources design) {
        return render("verilator_bridge.cpp.ftl", design);
    }

    static String icarus(DutSources design) {
        return render("icarus_bridge.v.ftl", design);
    }

    private static String render(String template, DutSources design) {
        DutPorts ports = design.ports();
        Map<String, Object> model = new HashMap<>();
        model.put("top", design.top());
        model.put("ports", ports.ports());
        model.put("tracePorts", ports.hasTrace() ? ports.tracePorts() : java.util.List.of());
        model.put("codeBits", ports.codeBits());
        model.put("countBits", ports.port("counts").map(Port::width).orElse(0));
        model.put("runsFrames", ports.runsFrames());
        model.put("classBits", ports.classBits());
        model.put("valueBits", ports.ports().stream().mapToInt(Port::width).max().orElse(1));
        return BRIDGES.text(template, model);
    }
}
