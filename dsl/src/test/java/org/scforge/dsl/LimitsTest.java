package org.scforge.dsl;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every limit of {@link Limits} is checked by validation, quickly, with a message that names it. */
class LimitsTest {

    private static NetworkBuilder base(String name, int inputs) {
        return Network.named(name).inputs(inputs, Code.unsigned(2)).weights(2).bitstream(8).sources(SourcePlan.lfsr(8, 1));
    }

    private static List<String> problems(NetworkBuilder builder) {
        ValidationException e = catchThrowableOfType(ValidationException.class, builder::build);
        assertThat(e).as("refused").isNotNull();
        return e.problems();
    }

    @Test
    void aHundredThousandLayersAreRefusedAtOnce() {
        List<DenseLayer> layers = new ArrayList<>();
        Network one = base("deep", 1).dense("h0", 1, Neuron.integrateAndFire(1)).dense("out", 1, Neuron.counter()).build();
        for (int l = 0; l < 100_000; l++) {
            layers.add(one.layers().get(0));
        }
        long start = System.nanoTime();
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> one.withLayers(layers));
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.0);
        assertThat(e.problems()).containsExactly("network 'deep': 100000 layers exceed the limit of 64 (docs/errors.md, Limits)");
    }

    @Test
    void sixtyFourLayersAreAccepted() {
        NetworkBuilder builder = Network.named("deep").inputs(1, Code.unsigned(2)).weights(2).bitstream(8)
                .sources(SourcePlan.lfsr(8, 1));
        for (int l = 0; l < Limits.MAX_LAYERS - 1; l++) {
            builder.dense("h" + l, 1, Neuron.integrateAndFire(1));
        }
        assertThat(builder.dense("out", 1, Neuron.counter()).build().layers()).hasSize(Limits.MAX_LAYERS);
    }

    @Test
    void sourcesAreLimited() {
        Network one = base("many", 1).dense("out", 1, Neuron.counter()).build();
        List<Source> sources = new ArrayList<>(one.sources());
        for (int s = 0; s < Limits.MAX_SOURCES; s++) {
            sources.add(new Source.VanDerCorput("extra" + s, 4));
        }
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> new Network("many", 1,
                Code.unsigned(2), 2, 8, sources, one.inputPlan(), one.layers()));
        assertThat(e.problems()).containsExactly("network 'many': " + sources.size()
                + " sources exceed the limit of 65 (docs/errors.md, Limits)");
    }

    @Test
    void inputsAreLimited() {
        assertThat(problems(base("wide", Limits.MAX_INPUTS + 1).dense("out", 1, Neuron.counter())))
                .contains("network 'wide': 65537 inputs exceed the limit of 65536 (docs/errors.md, Limits)");
    }

    @Test
    void synapsesAreLimited() {
        // 4096 inputs x 1024 neurons: 4,195,328 synapses, just over the limit, each layer within its own
        List<String> problems = problems(base("big", 4096).dense("out", 1024, Neuron.counter()));
        assertThat(problems).contains("network 'big': 4195328 synapses (weights and biases) exceed the limit of 4194304"
                + " (docs/errors.md, Limits)");
    }

    @Test
    void neuronsAndLengthAreLimited() {
        assertThat(problems(base("n", 1).dense("out", Limits.MAX_NEURONS + 1, Neuron.counter())))
                .anyMatch(p -> p.equals("layer 'out': neurons 65537 must be between 1 and 65536"));
        assertThat(problems(base("n", 1).bitstream(Limits.MAX_LENGTH + 1).dense("out", 1, Neuron.counter())))
                .anyMatch(p -> p.startsWith("network 'n': bitstream length 1048577 must be between 1 and 1048576"));
    }

    @Test
    void longNamesAreRefusedAndClippedInTheMessage() {
        String name = "a".repeat(100_000);
        List<String> problems = problems(base(name, 1).dense("out", 1, Neuron.counter()));
        assertThat(problems.get(0)).isEqualTo("network name '" + "a".repeat(32) + "...' has 100000 characters, more than"
                + " the limit of 32");
        assertThat(base("b".repeat(32), 1).dense("out", 1, Neuron.counter()).build().name()).hasSize(32);
        assertThat(problems(base("n", 1).dense("c".repeat(33), 1, Neuron.counter())))
                .anyMatch(p -> p.startsWith("layer name 'ccc") && p.endsWith("has 33 characters, more than the limit of 32"));
    }

    @Test
    void rangeNamesTheLimit() {
        assertThat(Limits.range("--frames", 100_001, Limits.MAX_FRAMES)).contains(
                "--frames 100001 must be between 1 and 100000 (the limit of scforge; docs/errors.md)");
        assertThat(Limits.range("--frames", 0, Limits.MAX_FRAMES)).isPresent();
        assertThat(Limits.range("--frames", 100_000, Limits.MAX_FRAMES)).isEmpty();
    }
}
