package org.scforge.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.cli.ConsoleCapture;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;
import org.scforge.dsl.TestFrames;
import org.scforge.generators.Fold;
import org.scforge.generators.Tool;
import org.scforge.generators.Tools;
import org.scforge.harness.BridgeDut;
import org.scforge.harness.SerialDriver;
import org.scforge.harness.SimulatedSerialBoard;
import org.scforge.harness.SimulatorException;
import org.scforge.sim.GoldenModel;
import org.scforge.sim.data.Dataset;
import org.scforge.sim.data.IdxFolder;
import org.scforge.sim.data.ImageEncoder;
import org.scforge.sim.data.StratifiedSplit;
import org.scforge.sim.train.Pipeline;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scforge classify} against the simulated board: the Verilator model of the MNIST board top behind a
 * pseudo-terminal pair (socat), so the command opens a serial port through jSerialComm exactly as it opens a
 * real board's, and the bytes cross the UART pins bit by bit.
 */
class ClassifyCommandTest {

    private static final Pattern ROW = Pattern.compile("^\\s*(\\d+)\\s+(\\d+)\\s+(\\S+)\\s+(\\S+)", Pattern.MULTILINE);

    @TempDir
    Path dir;

    /** Two linked pseudo-terminals: the host's end {@code host}, the board's end {@code board}. */
    private Process ptyPair(Path host, Path board) throws Exception {
        Tools.require(Tool.SOCAT);
        Process socat = new ProcessBuilder("socat", "pty,rawer,link=" + host, "pty,rawer,link=" + board)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        for (int i = 0; i < 100 && !(Files.exists(host) && Files.exists(board)); i++) {
            Thread.sleep(50);
        }
        assertThat(board).as("socat made the pseudo-terminals").exists();
        return socat;
    }

    /** {@code scforge classify --port HOST args...} with the simulated board of the trained MNIST model behind HOST. */
    private ConsoleCapture classifyOnTheSimulatedBoard(String... args) throws Exception {
        ModelDocument document = TrainedMnist.document();
        Network network = document.network();
        Fold fold = SimulatedBoards.up5kPlan(network);
        long listen = fold.timing(network).doneEdge() + 4L * 10 * SimulatedBoards.LINK.clocksPerBit();
        Path host = dir.resolve("ttyHost");
        Path board = dir.resolve("ttyBoard");
        Process socat = ptyPair(host, board);
        try (BridgeDut dut = SimulatedBoards.start(network, fold, dir.resolve("rtl"))) {
            SimulatedSerialBoard simulated = new SimulatedSerialBoard(new SerialDriver(dut,
                    SimulatedBoards.LINK.clocksPerBit()), listen);
            Thread serving = new Thread(() -> {
                try (FileInputStream in = new FileInputStream(board.toFile());
                     FileOutputStream out = new FileOutputStream(board.toFile())) {
                    simulated.serve(in, out);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (SimulatorException e) {
                    // the test closed the board (the bridge) while this thread waited for the host's next
                    // request; a board that died earlier shows in the classify run the test checks
                }
            }, "simulated-board");
            serving.setDaemon(true);
            serving.start();
            List<String> command = new ArrayList<>(List.of("classify", "--port", host.toString(), "--model",
                    TrainedMnist.model().toString(), "--timeout", "60"));
            command.addAll(List.of(args));
            return ConsoleCapture.run(command.toArray(String[]::new));
        } finally {
            socat.destroy();
            socat.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void fiftyMnistFramesFromTheSimulatedBoardGiveTheGoldenClasses() throws Exception {
        ModelDocument document = TrainedMnist.document();
        Network network = document.network();
        Fold fold = SimulatedBoards.up5kPlan(network);
        ConsoleCapture run = classifyOnTheSimulatedBoard("--frames", "50");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        TestFrames test = document.testFrames().orElseThrow();
        GoldenModel golden = GoldenModel.of(network);
        List<Integer> printed = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        Matcher row = ROW.matcher(run.out());
        while (row.find()) {
            int f = Integer.parseInt(row.group(1));
            printed.add(Integer.parseInt(row.group(2)));
            expected.add(golden.run(test.frame(f)).predictedClass());
            assertThat(row.group(3)).isEqualTo(String.valueOf(test.labels().get(f)));
            assertThat(row.group(4)).isEqualTo("same");
        }
        assertThat(printed).hasSize(50).isEqualTo(expected);
        assertThat(run.out()).contains("the board agrees with the golden model on 50 of 50 frames (class and counts); "
                + "it reports " + fold.timing(network).doneEdge() + " cycles per frame").contains("frames/s: ");
    }

    @Test
    void aPortWithNoBoardBehindItTimesOutWithAHintAndAMissingPortListsThePorts() throws Exception {
        Path host = dir.resolve("ttyHost");
        Process socat = ptyPair(host, dir.resolve("ttyNobody"));
        Path model = TrainedMnist.model();
        try {
            ConsoleCapture silent = ConsoleCapture.run("classify", "--port", host.toString(), "--model", model.toString(),
                    "--frames", "1", "--timeout", "0.5");
            assertThat(silent.exitCode()).isEqualTo(2);
            assertThat(silent.errLines()).hasSize(1);
            assertThat(silent.err()).contains("no reply from " + host + " within 500 ms to frame 0: is the board programmed");
        } finally {
            socat.destroy();
            socat.waitFor(10, TimeUnit.SECONDS);
        }
        ConsoleCapture missing = ConsoleCapture.run("classify", "--port", dir.resolve("ttyNone").toString(), "--model",
                model.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errLines()).hasSize(1);
        assertThat(missing.err()).contains("--port " + dir.resolve("ttyNone") + ": no such serial port; ");
        ConsoleCapture tooMany = ConsoleCapture.run("classify", "--port", host.toString(), "--model", model.toString(),
                "--frames", "100000");
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--frames 100000: the model has ");
    }

    /** The test images of the trained model, in test-frame order: the pipeline's split of the embedded digits. */
    private static Dataset testImages() {
        Dataset all = IdxFolder.load(Path.of("..", "data", "mnist-10k")).train();
        StratifiedSplit split = StratifiedSplit.of(all.labels(), Pipeline.Options.TRAIN, Pipeline.Options.TEST, 1);
        return all.subset(split.test());
    }

    private Path png(Dataset images, int index) throws IOException {
        BufferedImage image = new BufferedImage(images.cols(), images.rows(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < images.rows(); y++) {
            for (int x = 0; x < images.cols(); x++) {
                image.getRaster().setSample(x, y, 0, images.pixels()[index][y * images.cols() + x]);
            }
        }
        Path file = dir.resolve("digit-" + index + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void theModelsPreprocessingTurnsItsTestImagesIntoExactlyItsTestFrames() {
        ModelDocument document = TrainedMnist.document();
        ImageEncoder encoder = ImageEncoder.of(document.preprocessing().orElseThrow(), document.network().inputCode());
        Dataset images = testImages();
        TestFrames test = document.testFrames().orElseThrow();
        for (int f = 0; f < 50; f++) {
            double[] pixels = java.util.Arrays.stream(images.pixels()[f]).asDoubleStream().toArray();
            assertThat(encoder.encode(pixels)).as("test frame %d", f).containsExactly(test.frame(f));
            assertThat(test.labels().get(f)).isEqualTo(images.labels()[f]);
        }
    }

    @Test
    void pngImagesOfTestDigitsGetTheClassesOfTheirTestFrames() throws Exception {
        ModelDocument document = TrainedMnist.document();
        GoldenModel golden = GoldenModel.of(document.network());
        Dataset images = testImages();
        List<String> files = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            files.add(png(images, f).toString());
        }
        ConsoleCapture run = classifyOnTheSimulatedBoard(files.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("3 images").contains("agrees with the golden model on 3 of 3 frames");
        for (int f = 0; f < 3; f++) {
            int expected = golden.run(document.testFrames().orElseThrow().frame(f)).predictedClass();
            assertThat(run.out()).containsPattern("(?m)^\\s*" + f + "\\s+" + expected + "\\s+-\\s+same\\s+"
                    + Pattern.quote(files.get(f)) + "$");
        }
    }

    @Test
    void imageMistakesAreOneLineWithExitTwo() throws Exception {
        Path model = TrainedMnist.model();
        Path digit = png(testImages(), 0);
        BufferedImage small = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        Path tiny = dir.resolve("tiny.png");
        ImageIO.write(small, "png", tiny.toFile());
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        Path plain = dir.resolve("plain.json");
        org.scforge.dsl.ModelFile.save(org.scforge.tests.designs.TestNetworks.tinyMlp(), plain);
        String port = dir.resolve("ttyNone").toString();
        String[][] cases = {
            {model.toString(), tiny.toString(), tiny + ": 8 x 8 pixels; the model takes 28 x 28"},
            {model.toString(), text.toString(), text + ": not an image this Java reads"},
            {model.toString(), dir.resolve("gone.png").toString(), "gone.png: no such image file"},
            {plain.toString(), digit.toString(), "does not say how an image becomes its codes"},
        };
        for (String[] c : cases) {
            ConsoleCapture run = ConsoleCapture.run("classify", "--port", port, "--model", c[0], c[1]);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.err()).contains(c[2]);
        }
        ConsoleCapture both = ConsoleCapture.run("classify", "--port", port, "--model", model.toString(), "--frames", "2",
                digit.toString());
        assertThat(both.err().strip()).isEqualTo("scforge: error: give images or --frames, not both");
    }
}
