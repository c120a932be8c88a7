package org.scforge.tests;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;
import org.scforge.dsl.RandomNetworks;
import org.scforge.generators.bench.FrameSelection;
import org.scforge.generators.board.Board;
import org.scforge.generators.ExampleNetwork;
import org.scforge.generators.Fold;
import org.scforge.generators.FrameTiming;
import org.scforge.generators.board.SerialLink;
import org.scforge.generators.board.SerialProtocol;
import org.scforge.harness.BridgeDut;
import org.scforge.harness.CodePacking;
import org.scforge.harness.SerialDriver;
import org.scforge.sim.FrameCounts;
import org.scforge.sim.GoldenModel;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board top of docs/rtl.md ("Board top") in Verilator, driven through its UART pins only: bytes
 * shifted in bit by bit at the board's baud, replies sampled mid-bit and decoded, compared with the golden
 * model; malformed requests get the error reply and the next good request is answered.
 */
class SerialPathTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final SerialLink LINK = SimulatedBoards.LINK;

    @TempDir
    Path dir;

    private BridgeDut start(Network network, Fold fold) {
        return SimulatedBoards.start(network, fold, dir.resolve("rtl"));
    }

    private static byte[] bytes(String hex) {
        return HEX.parseHex(hex);
    }

    @Test
    void theDocsExampleBytesGoThroughThePinsAndEveryMalformedRequestGetsItsErrorReply() {
        Network network = ExampleNetwork.network();
        SerialProtocol protocol = SerialProtocol.of(network);
        long replyWait = LINK.quietCycles() + 20L * 10 * LINK.clocksPerBit();
        try (BridgeDut dut = start(network, Fold.none())) {
            SerialDriver uart = new SerialDriver(dut, LINK.clocksPerBit());
            Runnable good = () -> {
                uart.send(bytes("a5 1e 1e"));
                assertThat(HEX.formatHex(uart.replyBytes(protocol, replyWait))).isEqualTo("5a 01 40 00 0a 00 00 00 4b");
                dut.expect("led_class", 1);
                dut.expect("led_error", 0);
            };
            good.run();

            // bad checksum: ee 01, the error LED, then after the quiet time the next request is answered
            uart.send(bytes("a5 1e 1f"));
            assertThat(HEX.formatHex(uart.replyBytes(protocol, replyWait))).isEqualTo("ee 01");
            dut.expect("led_error", 1);
            dut.expect("led_class", 1); // the last class stays on
            uart.idle(LINK.quietCycles());
            good.run();

            // a code bit past the codes port: ee 05
            uart.send(bytes("a5 5e 5e"));
            assertThat(HEX.formatHex(uart.replyBytes(protocol, replyWait))).isEqualTo("ee 05");
            uart.idle(LINK.quietCycles());
            good.run();

            // short frame: the start byte alone, then silence: ee 02 once the line has been quiet long enough
            uart.send(bytes("a5"));
            assertThat(uart.receive(LINK.quietCycles() / 2)).as("no reply before the quiet time").isEmpty();
            assertThat(HEX.formatHex(uart.replyBytes(protocol, replyWait))).isEqualTo("ee 02");
            uart.idle(LINK.quietCycles());
            good.run();

            // noise between packets: ee 03; what follows within the quiet time is ignored, even a good request
            // (the rest of a burst gives no second reply)
            uart.send(bytes("3c"));
            assertThat(HEX.formatHex(uart.replyBytes(protocol, replyWait))).isEqualTo("ee 03");
            uart.send(bytes("a5 1e 1e"));
            assertThat(uart.receive(LINK.quietCycles() / 2)).as("a reply within the quiet time").isEmpty();
            uart.idle(LINK.quietCycles());
            good.run();

            // a stop bit of 0 (the line held low for ten bit times): ee 04
            uart.drive(0, 10 * LINK.clocksPerBit());
            assertThat(HEX.formatHex(uart.replyBytes(protocol, replyWait))).isEqualTo("ee 04");
            uart.idle(LINK.quietCycles());
            good.run();

            // a glitch shorter than half a bit is no start bit: nothing happens, the next request is answered
            uart.drive(0, LINK.clocksPerBit() / 2 - 4);
            uart.idle(LINK.clocksPerBit());
            good.run();
        }
    }

    @Test
    void fiftyMnistFramesThroughTheUartOfTheUp5kDesignGiveTheGoldenClassCountsAndCycles() {
        ModelDocument document = TrainedMnist.document();
        Network network = document.network();
        assertThat(network.length()).isEqualTo(TrainedMnist.LENGTH);
        // the plan `scforge build --board icebreaker` uses: the fastest that fits the UP5K
        Fold fold = SimulatedBoards.up5kPlan(network);
        assertThat(fold.toString()).as("the plan folds the hidden layer into memory").contains(":memory");
        FrameTiming timing = fold.timing(network);
        SerialProtocol protocol = SerialProtocol.of(network);
        GoldenModel golden = GoldenModel.of(network);
        long replyWait = timing.doneEdge() + 2L * protocol.resultLength() * 10 * LINK.clocksPerBit();
        int frames = 50;
        org.scforge.dsl.TestFrames test = document.testFrames().orElseThrow();
        assertThat(test.size()).isGreaterThanOrEqualTo(frames);
        List<String> mismatches = new ArrayList<>();
        try (BridgeDut dut = start(network, fold)) {
            SerialDriver uart = new SerialDriver(dut, LINK.clocksPerBit());
            for (int f = 0; f < frames; f++) {
                int[] codes = test.frame(f);
                FrameCounts expected = golden.run(codes);
                uart.send(protocol.request(CodePacking.pack(codes, network.inputCode())));
                SerialProtocol.Reply reply = uart.reply(protocol, replyWait);
                if (!(reply instanceof SerialProtocol.Result result)) {
                    mismatches.add("frame " + f + ": " + reply);
                    continue;
                }
                int[] counts = CodePacking.signedCounts(result.counts(), protocol.classes(), protocol.countBits());
                if (result.classIndex() != expected.predictedClass()
                        || !java.util.Arrays.equals(counts, expected.readout())
                        || result.cycles() != timing.doneEdge()) {
                    mismatches.add("frame " + f + ": class " + result.classIndex() + " counts "
                            + java.util.Arrays.toString(counts) + " cycles " + result.cycles() + ", golden class "
                            + expected.predictedClass() + " counts " + java.util.Arrays.toString(expected.readout())
                            + " cycles " + timing.doneEdge());
                }
                dut.expect("led_class", expected.predictedClass() & 0xf);
            }
        }
        assertThat(mismatches).as("frames whose reply differs from the golden model").isEmpty();
    }

    @Test
    void theRequestOfAFrameIsItsCodesPortInBytes() {
        // the bytes the host sends are the codes port's value: the same packing as the co-simulation's
        Network network = ExampleNetwork.network();
        BigInteger port = CodePacking.pack(new int[] {6, 3}, network.inputCode());
        assertThat(HEX.formatHex(SerialProtocol.of(network).request(port))).isEqualTo("a5 1e 1e");
    }

    /**
     * Random networks (code and count widths, classes, signedness: so request and reply lengths of 1 to
     * many bytes, classes past the LEDs' 4 bits) and random folding plans, through the UART at 1 Mbaud (12
     * clocks per bit, the fewest that the 12 MHz clock gives a common rate with): corner and random frames
     * give the golden class, counts and cycle count.
     */
    @Property(tries = 4, shrinking = ShrinkingMode.OFF)
    void randomNetworksAnswerTheirFramesThroughTheUartAsTheGoldenModelDoes(
            @ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) throws Exception {
        Network network = RandomNetworks.seeded(seed);
        Fold fold = RandomNetworkCosimProperties.randomFold(network, seed);
        SerialLink fast = Board.ICEBREAKER.link(1_000_000);
        SerialProtocol protocol = SerialProtocol.of(network);
        FrameTiming timing = fold.timing(network);
        GoldenModel golden = GoldenModel.of(network);
        int[][] frames = FrameSelection.of(new ModelDocument(network, java.util.Optional.empty(), java.util.Map.of()), 6,
                seed).codes();
        Path rtl = java.nio.file.Files.createTempDirectory("scforge-serial-");
        try (BridgeDut dut = SimulatedBoards.start(network, fold, fast, rtl)) {
            SerialDriver uart = new SerialDriver(dut, fast.clocksPerBit());
            for (int[] codes : frames) {
                FrameCounts expected = golden.run(codes);
                uart.send(protocol.request(CodePacking.pack(codes, network.inputCode())));
                SerialProtocol.Reply reply = uart.reply(protocol, timing.doneEdge() + 40L * fast.clocksPerBit());
                assertThat(reply).as("%s %s, frame %s", network.summary(), fold, java.util.Arrays.toString(codes))
                        .isEqualTo(new SerialProtocol.Result(expected.predictedClass(),
                                packCounts(expected.readout(), protocol.countBits()), timing.doneEdge()));
                dut.expect("led_class", expected.predictedClass() & 0xf);
            }
        } finally {
            try (var files = java.nio.file.Files.walk(rtl)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Counts as on the counts port: count j at bits [j*C +: C], two's complement. */
    private static BigInteger packCounts(int[] counts, int bits) {
        BigInteger packed = BigInteger.ZERO;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        for (int j = counts.length - 1; j >= 0; j--) {
            packed = packed.shiftLeft(bits).or(BigInteger.valueOf(counts[j]).and(mask));
        }
        return packed;
    }
}
