package org.scforge.generators;

import org.scforge.dsl.io.Interruption;
import org.scforge.dsl.io.ProcessTree;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** An external EDA program, with the Debian package that provides it so a missing tool can be named. */
public enum Tool {
    VERILATOR("verilator", "verilator"),
    IVERILOG("iverilog", "iverilog"),
    VVP("vvp", "iverilog"),
    YOSYS("yosys", "yosys"),
    NEXTPNR_ICE40("nextpnr-ice40", "nextpnr-ice40"),
    /** Turns nextpnr-ice40's placed design into an iCE40 bitstream. */
    ICEPACK("icepack", "fpga-icestorm"),
    /** Makes the pseudo-terminal pair that puts a simulated board behind a serial port name. */
    SOCAT("socat", "socat"),
    /** Runs the makefile Verilator writes. */
    MAKE("make", "make"),
    /** Compiles Verilator's C++ model and the bridge. */
    GXX("g++", "g++");

    /**
     * What iverilog prints for an error. Its exit status is not enough: iverilog 11 exits 0 after
     * "2048 error(s) during elaboration".
     */
    private static final Pattern ICARUS_ERROR = Pattern.compile("error:|error\\(s\\)|syntax error|I give up");

    private final String command;
    private final String debianPackage;

    Tool(String command, String debianPackage) {
        this.command = command;
        this.debianPackage = debianPackage;
    }

    public String command() {
        return command;
    }

    public String debianPackage() {
        return debianPackage;
    }

    /** One line for the user: what is missing and how to install it. */
    public String missingMessage() {
        return command + " is not installed or not on PATH; install the Debian package '" + debianPackage
                + "' (sudo apt-get install " + debianPackage + ")";
    }

    /** Whether {@code output} of this tool reports an error, whatever its exit status (iverilog only). */
    public boolean reportsError(String output) {
        return this == IVERILOG && ICARUS_ERROR.matcher(output).find();
    }

    public boolean available() {
        return onPath(command);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** The result of one run: exit code and the interleaved stdout and stderr. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Thrown by {@link #run} when the tool is not installed. */
    public static final class MissingException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Tool tool;

        MissingException(Tool tool) {
            super(tool.missingMessage());
            this.tool = tool;
        }

        public Tool tool() {
            return tool;
        }
    }

    /**
     * Runs the tool with {@code arguments} in {@code dir}; kills it, and whatever it started, after
     * {@code timeoutSeconds}. An iverilog run that printed an error is a failure (exit 1) even when iverilog
     * exited 0.
     */
    public Result run(Path dir, long timeoutSeconds, String... arguments) throws IOException {
        return run(dir, timeoutSeconds, List.of(), arguments);
    }

    /**
     * {@link #run}, with the tool's address space (and that of each process it starts) limited to
     * {@code memoryBytes}, for input that may be hostile: a mutant whose generate loop never ends makes ivl
     * allocate about 0.5 GB a second until the timeout. Over the limit, the tool's allocation fails and the
     * run fails at once, its output headed by a line that says so. The limit needs util-linux's
     * {@code prlimit}; where it is missing, the run has only its timeout.
     */
    public Result runWithMemoryLimit(Path dir, long timeoutSeconds, long memoryBytes, String... arguments)
            throws IOException {
        if (!onPath("prlimit")) {
            return run(dir, timeoutSeconds, arguments);
        }
        Result result = run(dir, timeoutSeconds, List.of("prlimit", "--as=" + memoryBytes, "--"), arguments);
        if (!result.ok() && result.output().contains("bad_alloc")) {
            return new Result(result.exitCode(), command + " needed more than its " + (memoryBytes >> 20)
                    + " MiB of memory\n" + result.output());
        }
        return result;
    }

    private Result run(Path dir, long timeoutSeconds, List<String> prefix, String... arguments) throws IOException {
        if (!available()) {
            throw new MissingException(this);
        }
        Interruption.install(); // a stopped run takes yosys, nextpnr, ... with it
        List<String> commandLine = new ArrayList<>(prefix);
        commandLine.add(command);
        commandLine.addAll(List.of(arguments));
        Path log = Files.createTempFile("scforge-" + command, ".log");
        try {
            Process process = new ProcessBuilder(commandLine).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    ProcessTree.kill(process);
                    return new Result(-1, Files.readString(log, StandardCharsets.UTF_8)
                            + "\n" + command + " timed out after " + timeoutSeconds + " s");
                }
            } catch (InterruptedException e) {
                ProcessTree.kill(process);
                Thread.currentThread().interrupt();
                throw new IOException(command + " interrupted", e);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            int exit = process.exitValue();
            if (exit != 0) {
                Interruption.awaitEndIfStopping();
            }
            if (exit == 0 && reportsError(output)) {
                return new Result(1, output + "\n" + command + " exited 0 but reported errors: treated as a failure");
            }
            return new Result(exit, output);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
