package org.scforge.harness;

/**
 * One value on which the RTL and the golden model differ.
 *
 * @param frame     0-based frame index
 * @param edge      clock edge after the frame's start edge at which the RTL value was read
 * @param layer     the layer's DSL name ("-" for frame-level values such as done)
 * @param neuron    the neuron index, -1 where none applies
 * @param signal    what was compared: a port name, or "done edge"
 * @param rtl       the RTL's value
 * @param golden    the golden model's value
 */
public record Mismatch(int frame, int edge, String layer, int neuron, String signal, long rtl, long golden) {

    @Override
    public String toString() {
        return "frame " + frame + ", cycle " + edge + " after start, layer " + layer
                + (neuron >= 0 ? ", neuron " + neuron : "") + ", " + signal + ": rtl " + rtl + ", golden " + golden;
    }
}
