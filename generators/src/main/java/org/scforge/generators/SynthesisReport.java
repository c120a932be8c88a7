package org.scforge.generators;

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
        ObjectNode o = JSON.createObjectNode();
        o.put("target", target);
        o.put("luts", luts);
        o.put("ffs", ffs);
        o.put("carries", carries);
        o.put("brams", brams);
        o.put("fits", fits);
        if (fmaxMhz == null) {
            o.putNull("fmax_mhz");
        } else {
            o.put("fmax_mhz", fmaxMhz);
        }
        o.put("cycles_per_frame", cyclesPerFrame);
        if (framesPerSecond == null) {
            o.putNull("frames_per_second");
        } else {
            o.put("frames_per_second", framesPerSecond);
        }
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
