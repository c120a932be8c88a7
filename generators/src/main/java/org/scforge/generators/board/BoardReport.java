package org.scforge.generators.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scforge.generators.synth.SynthesisReport;

import java.util.Optional;

/**
 * What {@code scforge build} measured for a board top, written as {@code build.json}: the tools' figures
 * ({@link SynthesisReport}), the board clock they are held against, and the bitstream when there is one.
 *
 * @param bitstream      the {@code .bin} file name, empty when there is none (no open place and route for
 *                       the board's part, or timing not met)
 * @param bitstreamBytes its size, 0 without one
 */
public record BoardReport(SerialLink link, String fold, SynthesisReport synthesis, Optional<String> bitstream,
                          long bitstreamBytes) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** This report with the bitstream icepack wrote. */
    public BoardReport withBitstream(String name, long bytes) {
        return new BoardReport(link, fold, synthesis, Optional.of(name), bytes);
    }

    public double clockMhz() {
        return link.board().clockHz() / 1e6;
    }

    /** nextpnr's fmax reaches the board clock; false without place and route (nothing measured it). */
    public boolean meetsTiming() {
        return synthesis.fmaxMhz() != null && synthesis.fmaxMhz() >= clockMhz();
    }

    /** Frames per second of the network at the board clock (the serial line's bytes not counted). */
    public double framesPerSecondAtBoardClock() {
        return clockMhz() * 1e6 / synthesis.cyclesPerFrame();
    }

    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        Board board = link.board();
        o.put("board", board.cliName());
        o.put("device", board.target().device());
        o.put("clockMhz", clockMhz());
        o.put("baud", link.baud());
        o.put("clocksPerBit", link.clocksPerBit());
        o.put("fold", fold);
        o.put("luts", synthesis.luts());
        o.put("lutCapacity", board.target().lutCapacity());
        o.put("ffs", synthesis.ffs());
        o.put("brams", synthesis.brams());
        o.put("bramCapacity", board.target().bramCapacity());
        o.put("fits", synthesis.fits());
        if (synthesis.fmaxMhz() == null) {
            o.putNull("fmaxMhz");
            o.put("placeAndRoute", "none: no open place and route for " + board.target().cliName()
                    + " here; LUTs, FFs and BRAMs are yosys's synthesis figures, no fmax");
        } else {
            o.put("fmaxMhz", synthesis.fmaxMhz());
        }
        o.put("meetsTiming", meetsTiming());
        o.put("cyclesPerFrame", synthesis.cyclesPerFrame());
        if (meetsTiming()) {
            o.put("framesPerSecondAtBoardClock", framesPerSecondAtBoardClock());
        } else {
            o.putNull("framesPerSecondAtBoardClock");
        }
        if (bitstream.isPresent()) {
            o.put("bitstream", bitstream.get());
            o.put("bitstreamBytes", bitstreamBytes);
        } else {
            o.putNull("bitstream");
        }
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
