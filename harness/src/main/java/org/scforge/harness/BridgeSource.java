package org.scforge.harness;

import org.scforge.generators.Templates;

import java.util.HashMap;
import java.util.Map;

/** Renders the bridge that drives a design in a simulator: a C++ main for Verilator, a test bench for Icarus. */
final class BridgeSource {

    private static final Templates BRIDGES = new Templates(BridgeSource.class, "/org/scforge/harness");

    private BridgeSource() {
    }

    static String verilator(RtlDesign design) {
        return render("verilator_bridge.cpp.ftl", design);
    }

    static String icarus(RtlDesign design) {
        return render("icarus_bridge.v.ftl", design);
    }

    private static String render(String template, RtlDesign design) {
        DesignPorts ports = design.ports();
        Map<String, Object> model = new HashMap<>();
        model.put("top", design.top());
        model.put("ports", ports.ports());
        model.put("tracePorts", ports.hasTrace() ? ports.tracePorts() : java.util.List.of());
        model.put("codeBits", ports.codeBits());
        model.put("countBits", ports.port("counts").orElseThrow().bits());
        model.put("classBits", ports.classBits());
        model.put("valueBits", ports.ports().stream().mapToInt(Port::bits).max().orElse(1));
        return BRIDGES.text(template, model);
    }
}
