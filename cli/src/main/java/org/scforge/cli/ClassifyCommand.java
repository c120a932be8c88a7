package org.scforge.cli;

import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.Network;
import org.scforge.dsl.TestFrames;
import org.scforge.generators.board.Board;
import org.scforge.generators.board.SerialProtocol;
import org.scforge.harness.CodePacking;
import org.scforge.sim.FrameCounts;
import org.scforge.sim.GoldenModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code scforge classify}: a host for a board that runs a model's board top ({@code scforge build}). It
 * sends the model's test frames over a serial port, prints each class beside the label and the golden
 * model's verdict, and ends with the agreement and the frames per second over the line.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Send a model's test frames, or images, to a board running its board top (scforge build) over a "
                + "serial port; print each frame's class, whether class and counts equal the golden model's, and the frames "
                + "per second over the serial line. Exit 1 when the board disagrees with the golden model.")
public final class ClassifyCommand implements Callable<Integer> {

    @Option(names = "--port", required = true, paramLabel = "DEV", description = "the board's serial port, e.g. /dev/ttyUSB1")
    String port;

    @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "the model the board was built from")
    Path model;

    @Option(names = "--frames", paramLabel = "N", description = "the first N of the model's test frames (default: all, "
            + "when no image is given)")
    Integer frames;

    @picocli.CommandLine.Parameters(arity = "0..*", paramLabel = "IMAGE",
            description = "images to classify instead of test frames (PNG or another format ImageIO reads, the model's "
                    + "image size, white on black as MNIST), encoded with the model's preprocessing")
    List<Path> images = List.of();

    @Option(names = "--baud", paramLabel = "N", defaultValue = "" + Board.DEFAULT_BAUD,
            description = "the board top's baud (default: ${DEFAULT-VALUE})")
    int baud;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "how long to wait for each reply (default: ${DEFAULT-VALUE})")
    double timeout;

    @picocli.CommandLine.Mixin
    LengthOption length;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!(timeout > 0)) {
            throw new UserError("--timeout " + timeout + " must be positive");
        }
        if (baud <= 0) {
            throw new UserError("--baud " + baud + " must be positive");
        }
        ModelDocument document = length.apply(Models.load(model));
        Network network = document.network();
        List<Frame> toSend = images.isEmpty() ? testFrames(document) : imageFrames(document);
        int count = toSend.size();
        SerialProtocol protocol = SerialProtocol.of(network);
        GoldenModel golden = GoldenModel.of(network);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long timeoutMillis = Math.max(1, Math.round(timeout * 1000));
        int agree = 0;
        int labelled = 0;
        int correct = 0;
        long cycles = -1;
        try (SerialConnection line = SerialConnection.open(port, baud)) {
            out.printf("classify: %s on %s at %d baud, %s%n", network.name(), port, baud, images.isEmpty()
                    ? count + " of the model's test frames" : count + " image" + (count == 1 ? "" : "s"));
            out.printf("%6s %6s %6s  %s%n", "frame", "class", "label", "golden model");
            out.flush();
            long began = System.nanoTime();
            for (int f = 0; f < count; f++) {
                int[] codes = toSend.get(f).codes();
                line.write(protocol.request(CodePacking.pack(codes, network.inputCode())));
                SerialProtocol.Reply reply = read(line, protocol, timeoutMillis, f);
                if (reply instanceof SerialProtocol.Error e) {
                    err.printf("scforge: the board answered frame %d with error %d (%s)%n", f, e.code().wire(),
                            e.code().meaning());
                    return ExitCodes.CHECK_FAILED;
                }
                SerialProtocol.Result result = (SerialProtocol.Result) reply;
                FrameCounts expected = golden.run(codes);
                int[] counts = CodePacking.signedCounts(result.counts(), protocol.classes(), protocol.countBits());
                boolean same = result.classIndex() == expected.predictedClass() && Arrays.equals(counts, expected.readout());
                agree += same ? 1 : 0;
                int label = toSend.get(f).label();
                if (label >= 0) {
                    labelled++;
                    correct += result.classIndex() == label ? 1 : 0;
                }
                cycles = result.cycles();
                out.printf("%6d %6d %6s  %s%s%n", f, result.classIndex(), label >= 0 ? String.valueOf(label) : "-",
                        same ? "same" : "DIFFERENT: board counts " + Arrays.toString(counts) + ", golden class "
                                + expected.predictedClass() + " counts " + Arrays.toString(expected.readout()),
                        toSend.get(f).name().map(n -> "  " + n).orElse(""));
                out.flush();
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            if (labelled > 0) {
                out.printf("accuracy %.3f (%d of %d frames match their labels)%n", (double) correct / labelled, correct,
                        labelled);
            }
            out.printf("the board agrees with the golden model on %d of %d frames (class and counts); it reports %d "
                    + "cycles per frame%n", agree, count, cycles);
            out.printf("frames/s: %.1f over the serial line (%d frames in %.3f s, wall clock)%n", count / seconds, count,
                    seconds);
        }
        return agree == count ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    /** One frame to send: its codes, its label (-1 for none) and, for an image, its file. */
    private record Frame(int[] codes, int label, java.util.Optional<String> name) {
    }

    private List<Frame> testFrames(ModelDocument document) {
        TestFrames test = document.testFrames().orElseThrow(() -> new UserError(model
                + " has no test frames to send (train it with scforge train or scforge mnist, or give images)"));
        int count = frames == null ? test.size() : frames;
        if (count < 1 || count > test.size()) {
            throw new UserError("--frames " + count + ": the model has " + test.size() + " test frames (1.." + test.size() + ")");
        }
        List<Frame> out = new java.util.ArrayList<>();
        for (int f = 0; f < count; f++) {
            out.add(new Frame(test.frame(f), test.labels().isEmpty() ? -1 : test.labels().get(f), java.util.Optional.empty()));
        }
        return out;
    }

    private List<Frame> imageFrames(ModelDocument document) {
        if (frames != null) {
            throw new UserError("give images or --frames, not both");
        }
        org.scforge.dsl.Preprocessing pre = document.preprocessing().orElseThrow(() -> new UserError(model
                + " does not say how an image becomes its codes (no \"preprocessing\": a model trained before 2026-12-04 or "
                + "written by hand); train it again with scforge mnist or scforge train, or send its test frames with --frames"));
        org.scforge.sim.data.ImageEncoder encoder = org.scforge.sim.data.ImageEncoder.of(pre, document.network().inputCode());
        List<Frame> out = new java.util.ArrayList<>();
        for (Path image : images) {
            out.add(new Frame(encoder.encode(Images.greyLevels(image, pre.height(), pre.width())), -1,
                    java.util.Optional.of(image.toString())));
        }
        return out;
    }

    /** The board's reply to frame {@code f}: its first byte says how many follow. */
    private static SerialProtocol.Reply read(SerialConnection line, SerialProtocol protocol, long timeoutMillis, int f) {
        byte[] first = line.read(1, timeoutMillis);
        if (first.length == 0) {
            throw new UserError("no reply from " + line.name() + " within " + timeoutMillis + " ms to frame " + f
                    + ": is the board programmed with this model's bitstream (scforge build), and its baud the one given?");
        }
        try {
            int length = protocol.replyLength(first[0]);
            byte[] rest = line.read(length - 1, timeoutMillis);
            byte[] reply = new byte[1 + rest.length];
            reply[0] = first[0];
            System.arraycopy(rest, 0, reply, 1, rest.length);
            return protocol.decode(reply);
        } catch (IllegalArgumentException e) {
            throw new UserError("frame " + f + ": " + e.getMessage());
        }
    }
}
