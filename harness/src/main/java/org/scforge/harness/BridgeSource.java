package org.scforge.harness;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Renders the bridge that drives a design in a simulator: a C++ main for Verilator, a test bench for Icarus. */
final class BridgeSource {

    private static final Configuration FREEMARKER = configuration();

    private BridgeSource() {
    }

    private static Configuration configuration() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_32);
        cfg.setClassForTemplateLoading(BridgeSource.class, "/org/scforge/harness");
        cfg.setDefaultEncoding("UTF-8");
        return cfg;
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
        try {
            Template t = FREEMARKER.getTemplate(template);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("bridge template " + template + " failed: " + e.getMessage(), e);
        }
    }
}
