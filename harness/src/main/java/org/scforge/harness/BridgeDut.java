package org.scforge.harness;

import org.scforge.dsl.io.Interruption;
import org.scforge.dsl.io.ProcessTree;
import org.scforge.generators.Port;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Dut} in a child process that speaks the bridge's line protocol on stdin/stdout
 * (docs/cosim.md). Every command gets exactly one reply line ({@code frame} with trace is preceded by its
 * {@code t} rows), so commands can be pipelined: {@link #batch} writes many and then reads all replies.
 */
public final class BridgeDut implements Dut {

    private final BuiltModel model;
    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;
    private final Path stderr;
    private long cycle;

    private BridgeDut(BuiltModel model, Process process, Path stderr) {
        this.model = model;
        this.process = process;
        this.stderr = stderr;
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII), 1 << 16);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII), 1 << 16);
    }

    /** Starts the bridge; with {@code wave} non-null the simulator writes a VCD there. */
    public static BridgeDut start(BuiltModel model, Path wave) {
        try {
            Path stderr = Files.createTempFile("scforge-bridge-", ".log");
            Interruption.install();
            Process p = new ProcessBuilder(model.command()).directory(model.directory().toFile())
                    .redirectError(stderr.toFile()).start();
            BridgeDut dut = new BridgeDut(model, p, stderr);
            if (wave != null) {
                if (!model.waves()) {
                    throw new IllegalArgumentException("the " + model.simulator().id() + " build cannot write waveforms; build it with waves");
                }
                Files.createDirectories(wave.toAbsolutePath().getParent());
                dut.command("wave " + wave.toAbsolutePath());
            }
            return dut;
        } catch (IOException e) {
            throw new SimulatorException("cannot start " + model.command().get(0) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Simulator simulator() {
        return model.simulator();
    }

    @Override
    public DutPorts ports() {
        return model.design().ports();
    }

    @Override
    public void poke(String port, BigInteger value) {
        expectOk(command("poke " + port + " " + value.toString(16)), "poke " + port);
    }

    @Override
    public BigInteger peek(String port) {
        return Values.parseHex(command("peek " + port), port + " at cycle " + cycle);
    }

    @Override
    public void step(int cycles) {
        expectOk(command("step " + cycles), "step");
        cycle += cycles;
    }

    @Override
    public long until(String port, BigInteger value, long maxEdges) {
        String reply = command("until " + port + " " + value.toString(16) + " " + maxEdges);
        String[] f = reply.split(" ");
        if (f.length != 2 || !f[0].equals("until")) {
            throw failure("unexpected reply to until: " + reply);
        }
        long edges = Long.parseLong(f[1]);
        cycle += edges < 0 ? maxEdges : edges;
        return edges;
    }

    @Override
    public long cycle() {
        return cycle;
    }

    @Override
    public FrameResult frame(BigInteger codes, int maxEdges, boolean trace) {
        if (!ports().runsFrames()) {
            throw new IllegalStateException(model.design().top() + " is not a network top (no start, codes, done,"
                    + " counts, class_out): drive it with poke, step and until");
        }
        if (trace && !ports().hasTrace()) {
            throw new IllegalArgumentException("the design has no trace ports; generate it with trace ports");
        }
        List<String> replies = batch(List.of("trace " + (trace ? 1 : 0), "frame " + codes.toString(16) + " " + maxEdges));
        expectOk(replies.get(0), "trace");
        List<FrameResult.TraceRow> rows = new ArrayList<>();
        String line = replies.get(1);
        while (line.startsWith("t ")) {
            rows.add(row(line));
            line = readLine();
        }
        String[] f = line.split(" ");
        if (f.length != 4 || !f[0].equals("frame")) {
            throw failure("unexpected reply to frame: " + line);
        }
        int doneEdge = Integer.parseInt(f[1]);
        cycle += 1 + (doneEdge < 0 ? maxEdges : doneEdge);
        return new FrameResult(doneEdge, Values.parseHex(f[2], "counts at the done edge"),
                Values.parseHex(f[3], "class_out at the done edge").intValueExact(), rows);
    }

    private FrameResult.TraceRow row(String line) {
        String[] f = line.split(" ");
        int edge = Integer.parseInt(f[1]);
        List<BigInteger> values = new ArrayList<>(f.length - 2);
        List<Port> ports = ports().tracePorts();
        for (int i = 2; i < f.length; i++) {
            values.add(Values.parseHex(f[i], ports.get(i - 2).name() + " at edge " + edge));
        }
        return new FrameResult.TraceRow(edge, values);
    }

    /** The readback's pokes, steps and peeks in one batch: one round trip for every address. */
    @Override
    public List<BigInteger> readBack(String addressPort, String wordsPort, int words) {
        List<String> commands = new ArrayList<>(3 * words);
        for (int k = 0; k < words; k++) {
            commands.add("poke " + addressPort + " " + Integer.toHexString(k));
            commands.add("step 1");
            commands.add("peek " + wordsPort);
        }
        List<String> replies = batch(commands);
        List<BigInteger> read = new ArrayList<>(words);
        for (int k = 0; k < words; k++) {
            expectOk(replies.get(3 * k), "poke " + addressPort);
            expectOk(replies.get(3 * k + 1), "step");
            read.add(Values.parseHex(replies.get(3 * k + 2), wordsPort + " at address " + k));
        }
        cycle += words;
        return read;
    }

    /** Sends one command and reads its reply line. */
    public String command(String command) {
        return batch(List.of(command)).get(0);
    }

    /** Writes every command, flushes once, then reads the first reply line of each: one round trip. */
    public List<String> batch(List<String> commands) {
        try {
            for (String c : commands) {
                in.write(c);
                in.write('\n');
            }
            in.flush();
        } catch (IOException e) {
            throw failure("the simulator stopped accepting commands: " + e.getMessage());
        }
        List<String> replies = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            replies.add(readLine());
        }
        return replies;
    }

    private String readLine() {
        try {
            String line;
            do {
                line = out.readLine();
                if (line == null) {
                    throw failure("the simulator exited");
                }
            } while (line.startsWith("VCD info:") || line.isBlank()); // Icarus announces its dump file on stdout
            if (line.startsWith("error")) {
                throw failure(line);
            }
            return line.strip();
        } catch (IOException e) {
            throw failure("cannot read from the simulator: " + e.getMessage());
        }
    }

    private void expectOk(String reply, String what) {
        if (!reply.equals("ok")) {
            throw failure(what + ": unexpected reply '" + reply + "'");
        }
    }

    private SimulatorException failure(String message) {
        Interruption.awaitEndIfStopping();
        String log = "";
        try {
            if (!process.isAlive()) {
                process.waitFor(1, TimeUnit.SECONDS);
            }
            String text = Files.readString(stderr).strip();
            if (!text.isEmpty()) {
                log = "\n" + model.simulator().id() + " said: " + text.substring(Math.max(0, text.length() - 2000));
            }
        } catch (IOException | InterruptedException ignored) {
            // the message without the log is still useful
        }
        return new SimulatorException(model.simulator().id() + " bridge for " + model.design().top() + ": " + message + log);
    }

    @Override
    public void close() {
        try {
            in.write("quit\n");
            in.flush();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                ProcessTree.kill(process);
            }
            Files.deleteIfExists(stderr);
        } catch (InterruptedException e) {
            ProcessTree.kill(process);
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a leftover temporary log is harmless
        }
    }
}
