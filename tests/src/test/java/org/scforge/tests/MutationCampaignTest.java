package org.scforge.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.TestFrames;
import org.scforge.generators.bench.FrameSelection;
import org.scforge.harness.Cosim;
import org.scforge.harness.CosimReport;
import org.scforge.harness.DutSources;
import org.scforge.harness.Simulator;
import org.scforge.harness.ToolPolicy;
import org.scforge.harness.mutation.MutantResult;
import org.scforge.harness.mutation.MutationCampaign;
import org.scforge.harness.mutation.MutationReport;
import org.scforge.harness.mutation.Mutator;
import org.scforge.harness.mutation.Outcome;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI mutation campaign (docs/cosim.md): 30 mutants of the docs example, seed 1, Icarus, on all 64 frames
 * its two 3-bit inputs can take, so that a survivor is equivalent on every input. Every mutant not
 * listed in {@code mutation/example-30-survivors.txt} (the equivalent ones, each with its reason) must be
 * killed; a mutant that was killed before and now survives fails the build, and so does a listed one that is
 * now killed (the list would be stale).
 */
class MutationCampaignTest {

    @TempDir
    Path work;

    static ModelDocument example() {
        try {
            return ModelFile.load(Path.of(Objects.requireNonNull(
                    MutationCampaignTest.class.getResource("/mutation/example.json")).toURI()));
        } catch (org.scforge.dsl.ModelFileException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The example with every frame its inputs can take as test frames (two u3 inputs: 64), so that a mutant
     * that survives the campaign survives every input: it is equivalent on this design, not merely unlucky.
     */
    static ModelDocument exampleWithEveryFrame() {
        ModelDocument example = example();
        int max = example.network().inputCode().maxMagnitude();
        List<List<Integer>> codes = new ArrayList<>();
        for (int a = 0; a <= max; a++) {
            for (int b = 0; b <= max; b++) {
                codes.add(List.of(a, b));
            }
        }
        return new ModelDocument(example.network(), Optional.of(new TestFrames(codes,
                Collections.nCopies(codes.size(), ModelFile.NO_LABEL))), example.info());
    }

    @Test
    void theFixedCampaignKillsEveryMutantThatIsNotEquivalent() throws IOException {
        ToolPolicy.require(Simulator.ICARUS);
        ModelDocument everyFrame = exampleWithEveryFrame();
        assertThat(example().network().inputs()).isEqualTo(2);
        MutationReport report = MutationCampaign.of(everyFrame).mutants(30).seed(1).frames(64).run(work);

        assertThat(report.results()).hasSize(30);
        List<String> survivors = report.survivors().stream().map(r -> r.mutant().describe()).toList();
        assertThat(survivors).as("survivors (killed before: a regression lets them through now)")
                .containsExactlyInAnyOrderElementsOf(pinnedSurvivors());
        // the benches and the co-simulation kill on behaviour, not only by failing to compile
        assertThat(report.count(Outcome.KILLED_BY_VALUES)).isGreaterThanOrEqualTo(15);
        for (MutantResult r : report.results()) {
            assertThat(r.detail().isEmpty()).as("#%d %s", r.mutant().id(), r.outcome()).isEqualTo(!r.outcome().killed());
        }
    }

    @Test
    void theDrawIsDeterministicBySeedAndCoversEveryModule() throws IOException {
        Path dir = work.resolve("design");
        DutSources design = DutSources.generate(example().network(), true, dir);
        Map<String, String> files = new java.util.LinkedHashMap<>();
        for (Path f : design.files()) {
            files.put(f.getFileName().toString(), Files.readString(f));
        }
        assertThat(Mutator.sample(files, 40, 7)).isEqualTo(Mutator.sample(files, 40, 7))
                .isNotEqualTo(Mutator.sample(files, 40, 8));
        assertThat(Mutator.sample(files, 40, 7).stream().map(m -> m.file()).distinct())
                .containsExactlyInAnyOrderElementsOf(files.keySet());
        assertThat(Mutator.all(files)).extracting(m -> m.operator()).contains(Mutator.Operator.values());
    }

    /** The co-simulation alone kills the top's handshake mutant the value checks let through. */
    @Test
    void theCosimulationKillsRstSettingDoneByItsHandshakeCheck() throws IOException {
        ToolPolicy.require(Simulator.ICARUS);
        ModelDocument document = example();
        DutSources design = DutSources.generate(document.network(), true, work.resolve("design"));
        Path top = design.files().get(design.files().size() - 1);
        String text = Files.readString(top);
        Files.writeString(top, text.replaceFirst("done <= 1'b0;", "done <= 1'b1;"));
        CosimReport report = Cosim.of(document.network(), design).simulator(Simulator.ICARUS).trace(true)
                .builder(new org.scforge.harness.ModelBuilder(work.resolve("cache")))
                .run(FrameSelection.of(document, 8, 1).codes());
        assertThat(report.mismatches()).isZero();
        assertThat(report.passed()).isFalse();
        assertThat(report.handshakeFailure()).hasValue(
                "handshake (rst after a frame): edge 0 after rst: done = 1, expected 0");
    }

    private static List<String> pinnedSurvivors() throws IOException {
        try (InputStream in = MutationCampaignTest.class.getResourceAsStream("/mutation/example-30-survivors.txt")) {
            return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.substring(0, l.indexOf("  # ")).replace(" / ", "\n"))
                    .toList();
        }
    }
}
