package org.scforge.dsl.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scforge.dsl.io.OutputFolderTest.GENERATE;
import static org.scforge.dsl.io.OutputFolderTest.files;
import static org.scforge.dsl.io.OutputFolderTest.tree;

/** Replacement by renames and the atomic claim: never half an output, never two winners. */
class ReplaceAndClaimTest {

    private static final int FILES = 40;

    @TempDir
    Path dir;

    private static Map<String, String> generation(String tag) {
        Map<String, String> files = new java.util.TreeMap<>();
        IntStream.range(0, FILES).forEach(k -> files.put("f" + k + ".v", tag));
        return files;
    }

    @Test
    void anOldFileThatWillNotGoLeavesTheNewOutputWhole() throws Exception {
        Path out = dir.resolve("out");
        OutputFolder.of(out, GENERATE).write(files(generation("old")));
        OutputFolder.of(out, GENERATE).force(true).removingWith(old -> {
            Files.delete(old.resolve("f0.v")); // one file goes, then one will not
            throw new java.nio.file.AccessDeniedException(old.resolve("f1.v").toString());
        }).write(files(generation("new")));

        Map<String, String> now = tree(out);
        assertThat(now).hasSize(FILES + 1);
        assertThat(now.entrySet().stream().filter(e -> e.getKey().endsWith(".v"))).allMatch(e -> e.getValue().equals("new"));

        // the hidden old one is swept by a later run of a process that is gone; ours stays until then
        assertThat(hidden()).hasSize(1);
    }

    @Test
    void aRunKilledBetweenTheTwoRenamesIsUndoneByTheNext() throws Exception {
        Path out = dir.resolve("out");
        OutputFolder.of(out, GENERATE).write(files(generation("old")));
        long dead = deadPid();
        Files.move(out, dir.resolve(".out.scforge-" + dead + "-old-x1"));
        Files.createDirectory(dir.resolve(".out.scforge-" + dead + "-new-x2"));
        Files.writeString(dir.resolve(".out.scforge-" + dead + "-new-x2").resolve("f0.v"), "half");

        assertThatThrownBy(() -> OutputFolder.of(out, GENERATE).claim())
                .hasMessageContaining("holds an earlier scforge output");
        assertThat(tree(out)).hasSize(FILES + 1).containsEntry("f7.v", "old");
        assertThat(hidden()).isEmpty();
    }

    @Test
    void twoRunsIntoOneNewFolderCannotBothSucceed() throws Exception {
        Path out = dir.resolve("new");
        int runs = 6;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            String tag = "run" + r;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    OutputFolder.of(out, GENERATE).write(folder -> {
                        java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L); // the rendering takes a while
                        return files(generation(tag)).writeInto(folder);
                    });
                    return tag;
                } catch (OutputRefusedException e) {
                    return "refused: " + e.getMessage();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        List<String> winners = outcomes.stream().filter(o -> !o.startsWith("refused")).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o.startsWith("refused"))).hasSize(runs - 1)
                .allSatisfy(o -> assertThat(o).containsAnyOf("another scforge run is writing", "holds an earlier scforge output"));
        assertThat(tree(out).get("f0.v")).isEqualTo(winners.get(0));
    }

    /**
     * Runs that arrive while the winner swaps its output in, between its two renames, when the folder's
     * name is briefly free: each was once able to make the folder anew and claim it, the winner's second
     * rename then failed ("Directory not empty"), its clean-up deleted the newcomer's claim, and two
     * later runs both exited 0 (seen in CI as two winners of four generates).
     */
    @Test
    void runsArrivingDuringTheSwapAreRefusedAndTheWinnerKeepsItsOutput() throws Exception {
        int rounds = 100;
        java.util.Random random = new java.util.Random(7);
        int runs = 4;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            for (int round = 0; round < rounds; round++) {
                Path out = dir.resolve("r" + round);
                List<Future<String>> results = new ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    String tag = "run" + r;
                    long delay = random.nextInt(3_000_000); // arrivals spread over the winner's write and swap
                    results.add(pool.submit(() -> {
                        java.util.concurrent.locks.LockSupport.parkNanos(delay);
                        try {
                            OutputFolder.of(out, GENERATE).write(files(generation(tag)));
                            return tag;
                        } catch (OutputRefusedException e) {
                            return "refused: " + e.getMessage();
                        } catch (IOException e) {
                            return "failed: " + e;
                        }
                    }));
                }
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : results) {
                    outcomes.add(f.get(30, TimeUnit.SECONDS));
                }
                List<String> winners = outcomes.stream().filter(o -> o.startsWith("run")).toList();
                assertThat(winners).as("round %d: %s", round, outcomes).hasSize(1);
                assertThat(outcomes.stream().filter(o -> !o.startsWith("run"))).as("round %d", round)
                        .allSatisfy(o -> assertThat(o).startsWith("refused: ")
                                .containsAnyOf("another scforge run is writing", "holds an earlier scforge output"));
                assertThat(tree(out).get("f0.v")).as("round %d", round).isEqualTo(winners.get(0));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(hidden()).as("nothing hidden is left beside the outputs").isEmpty();
    }

    /**
     * The instant between the winner's two renames, made by hand: its folder moved aside, the name
     * free. A run that comes now once made the folder anew and took a claim on that.
     */
    @Test
    void aRunThatFindsTheNameFreeWhileAClaimIsHeldIsRefused() throws Exception {
        Path out = dir.resolve("out");
        try (Claim first = OutputFolder.of(out, GENERATE).claim()) {
            Path aside = Files.move(out, dir.resolve(".out.scforge-" + ProcessHandle.current().pid() + "-old-x1"));
            assertThatThrownBy(() -> OutputFolder.of(out, GENERATE).claim())
                    .isInstanceOf(OutputRefusedException.class)
                    .hasMessage("another scforge run is writing " + out + " right now; wait for it, or choose another folder");
            assertThat(out).doesNotExist();
            Files.move(aside, out);
            first.publish(files(Map.of("a", "1")));
        }
        assertThat(tree(out)).containsOnlyKeys("a", Manifest.FILE);
        assertThat(hidden()).isEmpty();
    }

    /** Holds a claim on the folder {@code args[0]} until its input ends: the other process of the test below. */
    public static final class HoldClaim {
        public static void main(String[] args) throws Exception {
            Claim claim = OutputFolder.of(Path.of(args[0]), GENERATE).claim();
            System.out.println("held " + claim.folder());
            System.out.flush();
            System.in.read();
            claim.close();
        }
    }

    /** Another process's claim refuses ours; killed (SIGKILL, no clean-up), it leaves nothing that stops the next run. */
    @Test
    void aClaimOfAnotherProcessHoldsUntilItIsKilled() throws Exception {
        Path out = dir.resolve("out");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldClaim.class.getName(), out.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine();
            assertThat(first).isEqualTo("held " + out);
            assertThatThrownBy(() -> OutputFolder.of(out, GENERATE).force(true).claim())
                    .isInstanceOf(OutputRefusedException.class)
                    .hasMessage("another scforge run is writing " + out + " right now; wait for it, or choose another folder");
        } finally {
            holder.destroyForcibly().waitFor();
        }
        OutputFolder.of(out, GENERATE).write(files(Map.of("a", "1")));
        assertThat(tree(out)).containsOnlyKeys("a", Manifest.FILE);
        assertThat(hidden()).as("the killed run's lock file is taken over and removed").isEmpty();
    }

    @Test
    void aClaimHeldRefusesASecondOneUntilClosed() throws Exception {
        Path out = dir.resolve("out");
        try (Claim first = OutputFolder.of(out, GENERATE).claim()) {
            assertThatThrownBy(() -> OutputFolder.of(out, GENERATE).force(true).claim())
                    .isInstanceOf(OutputRefusedException.class)
                    .hasMessage("another scforge run is writing " + out + " right now; wait for it, or choose another folder");
            first.publish(files(Map.of("a", "1")));
        }
        OutputFolder.of(out, GENERATE).force(true).claim().close();
        assertThat(tree(out)).containsOnlyKeys("a", Manifest.FILE);
    }

    @Test
    void aFileIsWrittenAtomicallyAndStaleTemporariesAreSwept() throws Exception {
        Path file = dir.resolve("m.json");
        Path stale = Files.writeString(dir.resolve(".m.json.scforge-" + deadPid() + "-tmp-x"), "half");
        AtomicFiles.writeString(file, "one");
        AtomicFiles.writeString(file, "two");
        assertThat(Files.readString(file)).isEqualTo("two");
        assertThat(stale).doesNotExist();
        assertThat(tree(dir)).containsOnlyKeys("m.json");
    }

    @Test
    void aPublishedFolderIsKeptAndASecondOneDropped() throws Exception {
        Path entry = dir.resolve("cache").resolve("key");
        assertThat(AtomicFiles.publishFolder(entry, files(Map.of("bin", "first")))).isTrue();
        assertThat(AtomicFiles.publishFolder(entry, files(Map.of("bin", "second")))).isFalse();
        assertThat(tree(entry)).containsExactly(Map.entry("bin", "first"));
        assertThat(tree(dir.resolve("cache"))).containsOnlyKeys("key", "key/bin");
    }

    private List<Path> hidden() throws IOException {
        try (var list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().contains(".scforge-")).toList();
        }
    }

    /** The id of a process that has ended. */
    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
