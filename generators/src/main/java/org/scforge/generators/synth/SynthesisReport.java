package org.scforge.generators.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What synthesis (and, for iCE40, place-and-route) measured; written as {@code synth.json}.
 *
 * @param fmaxMhz          from nextpnr's report; null without place-and-route
 * @param cyclesPerFrame   (L + D - 1) * T + 2, L + D + 1 unfolded (docs/semantics.md sections 1, 1.1)
 * @param framesPerSecond  fmax * 1e6 / cyclesPerFrame; null without fmax
 */
public record SynthesisReport(String target, long luts, long ffs, long carries, long brams, boolean fits,
                              Double fmaxMhz, long cyclesPerFrame, Double framesPerSecond) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String toJson() {
        return text(node());
    }

    /**
     * With the plan the design was built with (its {@code --fold} text) and the planner's estimate of it,
     * printed beside the measured figures; {@code estimate} null (a learning network, which the planner does
     * not model) writes {@code "estimate": null}.
     */
    public String toJson(String fold, Planner.Estimate estimate) {
        ObjectNode o = node();
        o.put("fold", fold);
        if (estimate == null) {
            o.putNull("estimate");
            return text(o);
        }
        ObjectNode e = o.putObject("estimate");
        e.put("luts", estimate.luts());
        e.put("brams", estimate.brams());
        e.put("cyclesPerFrame", estimate.cyclesPerFrame());
        e.put("note", "analytical estimate (docs/rtl.md), not a measurement");
        return text(o);
    }

    private static String text(ObjectNode o) {
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private ObjectNode node() {
        ObjectNode o = JSON.createObjectNode();
        o.put("target", target);
        o.put("luts", luts);
        o.put("ffs", ffs);
        o.put("carries", carries);
        o.put("brams", brams);
        o.put("fits", fits);
        if (fmaxMhz == null) {
            o.putNull("fmaxMhz");
        } else {
            o.put("fmaxMhz", fmaxMhz);
        }
        o.put("cyclesPerFrame", cyclesPerFrame);
        if (framesPerSecond == null) {
            o.putNull("framesPerSecond");
        } else {
            o.put("framesPerSecond", framesPerSecond);
        }
        return o;
    }
}
