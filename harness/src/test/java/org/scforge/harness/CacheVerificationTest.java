package org.scforge.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cache entry truncated after it was built (its bridge, its vvp model, Verilator's shared runtime) is
 * found by its checksums and built again, and the rebuilt model runs; an intact entry is reused.
 */
class CacheVerificationTest {

    @TempDir
    Path cache;

    @Test
    void aTruncatedIcarusModelIsRebuilt() throws IOException {
        ToolPolicy.require(Simulator.ICARUS);
        ModelBuilder builder = new ModelBuilder(cache);
        BuiltModel first = builder.build(TinyDesign.design(), Simulator.ICARUS, false);
        assertThat(first.directory().resolve(CacheEntry.CHECKSUMS)).isRegularFile();
        assertThat(builder.build(TinyDesign.design(), Simulator.ICARUS, false).cached()).isTrue();
        truncate(first.directory().resolve("model.vvp"));
        BuiltModel again = builder.build(TinyDesign.design(), Simulator.ICARUS, false);
        assertThat(again.cached()).as("rebuilt").isFalse();
        runsAFrame(again);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aTruncatedVerilatorBridgeAndRuntimeAreRebuilt() throws IOException {
        ToolPolicy.require(Simulator.VERILATOR);
        ModelBuilder builder = new ModelBuilder(cache);
        BuiltModel first = builder.build(TinyDesign.design(), Simulator.VERILATOR, false);
        truncate(first.directory().resolve("obj").resolve("bridge"));
        Path runtime;
        try (Stream<Path> entries = Files.list(cache.resolve("verilator"))) {
            runtime = entries.filter(p -> p.getFileName().toString().startsWith("runtime-")).findFirst().orElseThrow();
        }
        try (Stream<Path> objects = Files.list(runtime)) {
            truncate(objects.filter(p -> p.toString().endsWith(".o")).findFirst().orElseThrow());
        }
        BuiltModel again = builder.build(TinyDesign.design(), Simulator.VERILATOR, false);
        assertThat(again.cached()).as("rebuilt").isFalse();
        assertThat(CacheEntry.damage(runtime)).as("the runtime, rebuilt").isEmpty();
        runsAFrame(again);
        assertThat(builder.build(TinyDesign.design(), Simulator.VERILATOR, false).cached()).isTrue();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anEntryWithoutChecksumsDoesNotVerify() throws IOException {
        Path entry = Files.createDirectories(cache.resolve("entry"));
        Files.writeString(entry.resolve("a"), "a");
        assertThat(CacheEntry.damage(entry)).get().asString().contains("no " + CacheEntry.CHECKSUMS);
        CacheEntry.seal(entry);
        assertThat(CacheEntry.damage(entry)).isEmpty();
        Files.writeString(entry.resolve("a"), "b");
        assertThat(CacheEntry.damage(entry)).get().asString().contains("a differs from its checksum");
        Files.delete(entry.resolve("a"));
        assertThat(CacheEntry.damage(entry)).get().asString().contains("a is missing");
    }

    private static void runsAFrame(BuiltModel model) {
        try (BridgeDut dut = BridgeDut.start(model, null)) {
            dut.poke("rst", 1);
            dut.step(1);
            dut.poke("rst", 0);
            FrameResult frame = dut.frame(BigInteger.valueOf(0b0110), 10, false);
            assertThat(frame.counts()).isEqualTo(BigInteger.valueOf(3 << 4 | 6));
        }
    }

    private static void truncate(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
    }

    /** Hidden folders left in the cache by the rebuilds. */
    private java.util.List<Path> leftovers() throws IOException {
        try (Stream<Path> walk = Files.walk(cache, 2)) {
            return walk.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
