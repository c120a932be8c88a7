package org.scforge.cli;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.TestFrames;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutated model files and IDX files, fed to the CLI in process: whatever the input, the exit code is 0, 1
 * or 2, stderr holds no stack trace, a refusal is one {@code scforge: error:} line, and nothing is left
 * outside the run's own folder.
 */
class CliFuzzProperties {

    /** A line the JVM writes for an uncaught throwable or a stack frame. */
    private static final Pattern TRACE = Pattern.compile("(?m)^(\tat |Exception in thread|Caused by: |[\\w.$]+(Exception|Error)(: |$))");
    private static final String[] HOSTILE = {"\n", "\r\n", "\u001b[2J", "\u0000", "\u2028", "\"", "\\", "\\u0000",
            "é", "\uD83D\uDE00", "a".repeat(100_000), "${x}", "%n%s", "'; rm -rf /"};
    private static final String[] NUMBERS = {"2147483647", "-2147483648", "9223372036854775807", "1e400", "-7", "0",
            "99999999999999999999999", "1.5", "-0", "42", "100000"};

    static byte[] validModel() {
        TestFrames frames = new TestFrames(List.of(List.of(1, 2), List.of(3, 4)), List.of(1, -1));
        return ModelFile.toJson(new ModelDocument(CliMessagesTest.tiny(), Optional.of(frames), Map.of("seed", "1")))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** One of several damages, chosen and placed by {@code seed}. */
    static byte[] mutate(byte[] valid, long seed) {
        Random random = new Random(seed);
        String text = new String(valid, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        return switch (random.nextInt(7)) {
            case 0 -> { // flip bytes
                byte[] b = valid.clone();
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
                }
                yield b;
            }
            case 1 -> Arrays.copyOf(valid, random.nextInt(valid.length)); // truncate
            case 2 -> { // a key twice
                int at = random.nextInt(lines.size());
                String line = lines.get(at);
                String doubled = line.contains(":") && line.strip().endsWith(",") ? line + "\n" + line : line;
                yield join(lines, at, doubled);
            }
            case 3 -> { // a number made huge, negative or not whole
                java.util.regex.Matcher m = Pattern.compile("-?\\d+").matcher(text);
                List<int[]> spans = m.results().map(r -> new int[] {r.start(), r.end()}).toList();
                int[] span = spans.get(random.nextInt(spans.size()));
                yield (text.substring(0, span[0]) + NUMBERS[random.nextInt(NUMBERS.length)] + text.substring(span[1]))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> { // a hostile string inside a string
                java.util.regex.Matcher m = Pattern.compile("\"[a-z_]+\"").matcher(text);
                List<Integer> starts = m.results().map(r -> r.start() + 1).toList();
                int at = starts.get(random.nextInt(starts.size()));
                String hostile = HOSTILE[random.nextInt(HOSTILE.length)].replace("\\", "\\\\").replace("\"", "\\\"")
                        .replace("\n", random.nextBoolean() ? "\\n" : "\n");
                yield (text.substring(0, at) + hostile + text.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> (text + (random.nextBoolean() ? text : "garbage")).getBytes(StandardCharsets.UTF_8); // after the end
            default -> { // a line dropped
                int at = random.nextInt(lines.size());
                yield join(lines, at, "");
            }
        };
    }

    private static byte[] join(List<String> lines, int at, String replacement) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            s.append(i == at ? replacement : lines.get(i)).append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void assertWellBehaved(ConsoleCapture run) {
        assertThat(run.exitCode()).as(run.err()).isIn(ExitCodes.OK, ExitCodes.CHECK_FAILED, ExitCodes.USER_ERROR);
        assertThat(TRACE.matcher(run.err()).find()).as("a stack trace in: %s", run.err()).isFalse();
        if (run.exitCode() == ExitCodes.USER_ERROR) {
            assertThat(run.err().lines()).as(run.err()).allMatch(l -> l.startsWith("scforge: "));
            assertThat(run.errLines()).last().asString().startsWith("scforge: error: ");
        }
    }

    private static Path fresh() throws IOException {
        return Files.createTempDirectory("scforge-fuzz");
    }

    /** What is in {@code dir}, recursively, as relative paths. */
    private static List<String> contents(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).toList();
        }
    }

    @Property(tries = 200)
    void validateNeverFailsBadly(@ForAll long seed) throws IOException {
        Path dir = fresh();
        try {
            Path model = Files.write(dir.resolve("model.json"), mutate(validModel(), seed));
            ConsoleCapture run = ConsoleCapture.run("validate", model.toString());
            assertWellBehaved(run);
            if (run.exitCode() == ExitCodes.USER_ERROR) {
                // one line, or for a well-formed network that does not validate one line per problem
                List<String> lines = run.errLines();
                assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("scforge: error: " + model + ": "));
                if (lines.size() > 1) {
                    assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("scforge: error: " + model + ": invalid model: "))
                            .doesNotHaveDuplicates();
                }
            }
            assertThat(contents(dir)).containsExactly("model.json");
        } finally {
            org.scforge.dsl.io.AtomicFiles.deleteTree(dir);
        }
    }

    @Property(tries = 25)
    void generateNeverFailsBadlyNorLeavesFilesOutsideItsFolder(@ForAll long seed) throws IOException {
        Path dir = fresh();
        try {
            Path model = Files.write(dir.resolve("model.json"), mutate(validModel(), seed));
            Path out = dir.resolve("out");
            ConsoleCapture run = ConsoleCapture.run("generate", "--model", model.toString(), "--out", out.toString(),
                    "--frames", "3");
            assertWellBehaved(run);
            assertThat(contents(dir)).allMatch(p -> p.equals("model.json") || p.startsWith("out"));
            if (run.exitCode() != ExitCodes.OK) {
                assertThat(out).doesNotExist();
            }
        } finally {
            org.scforge.dsl.io.AtomicFiles.deleteTree(dir);
        }
    }

    static byte[] idxImages(int count, int rows, int cols) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x803);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int n = 0; n < count * rows * cols; n++) {
            out.writeByte((n * 53) & 0xff);
        }
        return bytes.toByteArray();
    }

    static byte[] idxLabels(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x801);
        out.writeInt(count);
        for (int n = 0; n < count; n++) {
            out.writeByte(n % 2);
        }
        return bytes.toByteArray();
    }

    /** Damage to an IDX file: bytes of its header or body changed, or cut. */
    static byte[] mutateIdx(byte[] valid, Random random) {
        byte[] b = valid.clone();
        switch (random.nextInt(3)) {
            case 0 -> b[random.nextInt(Math.min(16, b.length))] = (byte) random.nextInt(256); // the header
            case 1 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            default -> b = Arrays.copyOf(b, random.nextInt(b.length));
        }
        return b;
    }

    @Property(tries = 20)
    void trainNeverFailsBadlyOnDamagedIdx(@ForAll long seed) throws IOException {
        Path dir = fresh();
        try {
            Random random = new Random(seed);
            Path data = Files.createDirectory(dir.resolve("data"));
            byte[] images = idxImages(12, 3, 3);
            byte[] labels = idxLabels(12);
            boolean damageImages = random.nextBoolean();
            Files.write(data.resolve("images-idx3-ubyte"), damageImages ? mutateIdx(images, random) : images);
            Files.write(data.resolve("labels-idx1-ubyte"), damageImages ? labels : mutateIdx(labels, random));
            Path out = dir.resolve("out");
            ConsoleCapture run = ConsoleCapture.run("train", "--data", data.toString(), "--out", out.toString(),
                    "--train", "8", "--test", "4", "--features", "raw", "--hidden", "2", "--length", "8", "--lengths", "8",
                    "--rate-epochs", "1", "--epochs", "0");
            assertWellBehaved(run);
            assertThat(contents(dir)).allMatch(p -> p.startsWith("data") || p.startsWith("out"));
        } finally {
            org.scforge.dsl.io.AtomicFiles.deleteTree(dir);
        }
    }
}
