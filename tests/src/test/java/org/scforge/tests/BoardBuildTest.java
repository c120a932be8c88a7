package org.scforge.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.cli.ConsoleCapture;
import org.scforge.dsl.ModelFile;
import org.scforge.generators.Tool;
import org.scforge.generators.Tools;
import org.scforge.tests.designs.TestNetworks;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scforge build}: the MNIST model at L = 64 becomes an iCEBreaker bitstream whose design closes
 * timing at the 12 MHz board clock (yosys, nextpnr-ice40 and icepack really run); the Arty gets the
 * synthesis report and says that no bitstream can be made here; mistakes are one line, exit 2.
 */
class BoardBuildTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theMnistModelAtL64BecomesAnIcebreakerBitstreamThatMeetsTheBoardClock() throws Exception {
        Tools.require(Tool.YOSYS, Tool.NEXTPNR_ICE40, Tool.ICEPACK);
        Path out = dir.resolve("board");
        ConsoleCapture o = ConsoleCapture.run("build", "--board", "icebreaker", "--model", TrainedMnist.model().toString(),
                "--out", out.toString());
        assertThat(o.exitCode()).as(o.out() + o.err()).isZero();
        JsonNode report = JSON.readTree(out.resolve("build.json").toFile());
        assertThat(report.get("board").asText()).isEqualTo("icebreaker");
        assertThat(report.get("clockMhz").asDouble()).isEqualTo(12.0);
        assertThat(report.get("fmaxMhz").asDouble()).as("nextpnr's fmax").isGreaterThanOrEqualTo(12.0);
        assertThat(report.get("meetsTiming").asBoolean()).isTrue();
        assertThat(report.get("luts").asLong()).isPositive().isLessThanOrEqualTo(report.get("lutCapacity").asLong());
        assertThat(report.get("brams").asLong()).isPositive().isLessThanOrEqualTo(report.get("bramCapacity").asLong());
        assertThat(report.get("fold").asText()).contains(":memory");
        Path bitstream = out.resolve(report.get("bitstream").asText());
        assertThat(bitstream.getFileName().toString()).isEqualTo("mnist_uart_top.bin");
        // an UP5K bitstream is 104,090 bytes whatever the design (the whole configuration memory)
        assertThat(Files.size(bitstream)).isEqualTo(report.get("bitstreamBytes").asLong()).isGreaterThan(100_000);
        assertThat(Files.exists(out.resolve("mnist_uart_top.bin.partial"))).isFalse();
        assertThat(o.out()).contains("timing met: fmax").contains("iceprog " + bitstream);
        assertThat(Files.readString(out.resolve("icebreaker-uart.pcf"))).contains("set_io uart_rx 6");
    }

    @Test
    void theArtyGetsTheSynthesisReportAndConstraintsAndSaysThereIsNoBitstream() throws Exception {
        Tools.require(Tool.YOSYS);
        Path model = dir.resolve("tiny.json");
        ModelFile.save(TestNetworks.tinyMlp(), model);
        Path out = dir.resolve("arty");
        ConsoleCapture o = ConsoleCapture.run("build", "--board", "arty-a7", "--model", model.toString(), "--out",
                out.toString());
        assertThat(o.exitCode()).as(o.out() + o.err()).isZero();
        assertThat(o.out()).contains("no open place and route for xc7 exists here (no bitstream, no fmax)");
        JsonNode report = JSON.readTree(out.resolve("build.json").toFile());
        assertThat(report.get("bitstream").isNull()).isTrue();
        assertThat(report.get("fmaxMhz").isNull()).isTrue();
        assertThat(report.get("meetsTiming").asBoolean()).isFalse();
        assertThat(report.get("framesPerSecondAtBoardClock").isNull()).as("no fmax, no frames/s").isTrue();
        assertThat(report.get("luts").asLong()).isPositive();
        assertThat(Files.readString(out.resolve("arty-a7-uart.xdc"))).contains("PACKAGE_PIN A9");
        assertThat(out.resolve("tiny_mlp_uart_top.v")).exists();
    }

    @Test
    void boardMistakesAreOneLineWithExitTwo() throws Exception {
        Path model = dir.resolve("tiny.json");
        ModelFile.save(TestNetworks.tinyMlp(), model);
        String m = model.toString();
        assertOneLine(ConsoleCapture.run("build", "--model", m, "--out", dir.resolve("a").toString()),
                "scforge: error: build needs --board: one of icebreaker, arty-a7");
        assertOneLine(ConsoleCapture.run("build", "--board", "ulx3s", "--model", m, "--out", dir.resolve("b").toString()),
                "scforge: error: --board: unknown board 'ulx3s'; use one of icebreaker, arty-a7");
        ConsoleCapture baud = ConsoleCapture.run("generate", "--board", "icebreaker", "--baud", "2000000", "--model", m,
                "--out", dir.resolve("c").toString());
        assertThat(baud.exitCode()).isEqualTo(2);
        assertThat(baud.errLines()).hasSize(1);
        assertThat(baud.err()).contains("--baud: baud 2000000 does not work on the icebreaker").contains("921600");
        assertOneLine(ConsoleCapture.run("generate", "--baud", "9600", "--model", m, "--out", dir.resolve("d").toString()),
                "scforge: error: --baud sets the serial line of the board top: add --board (icebreaker, arty-a7)");
        assertOneLine(ConsoleCapture.run("generate", "--board", "arty-a7", "--target", "ice40-up5k", "--model", m, "--out",
                dir.resolve("e").toString()), "scforge: error: --board arty-a7 is a xc7 board: drop --target ice40-up5k or give --target xc7");
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(dir.resolve("c")).doesNotExist();
    }

    @Test
    void generateWithABoardWritesTheBoardTopBesideTheNetwork() throws Exception {
        Path model = dir.resolve("tiny.json");
        ModelFile.save(TestNetworks.tinyMlp(), model);
        Path out = dir.resolve("gen");
        ConsoleCapture o = ConsoleCapture.run("generate", "--board", "icebreaker", "--baud", "921600", "--model",
                model.toString(), "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("board top tiny_mlp_uart_top for the ").contains("921600 baud (13 clocks per bit)");
        assertThat(Files.readString(out.resolve("tiny_mlp_uart_top.v"))).contains("CLOCKS_PER_BIT(13)");
        assertThat(out.resolve("synth_icebreaker.ys")).exists();
        assertThat(out.resolve("icebreaker-uart.pcf")).exists();
    }

    private static void assertOneLine(ConsoleCapture run, String line) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(line);
    }
}
