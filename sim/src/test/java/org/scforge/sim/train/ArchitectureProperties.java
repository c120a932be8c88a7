package org.scforge.sim.train;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code --arch} spec: valid specs round-trip, hostile ones are refused in one line naming the part. */
class ArchitectureProperties {

    @Provide
    Arbitrary<List<Architecture.Part>> architectures() {
        Arbitrary<Architecture.Part> conv = Combinators.combine(Arbitraries.integers().between(1, 64),
                Arbitraries.integers().between(1, 9), Arbitraries.integers().between(1, 4), Arbitraries.integers().between(0, 8))
                .as((c, k, s, p) -> new Architecture.Conv(c, k, s, p % k));
        Arbitrary<Architecture.Part> pool = Combinators.combine(Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(1, 4)).as(Architecture.Pool::new);
        Arbitrary<Architecture.Part> dense = Arbitraries.integers().between(1, 4096).map(Architecture.Dense::new);
        return Combinators.combine(conv.list().ofMaxSize(3), pool.list().ofMaxSize(2), dense.list().ofMinSize(1).ofMaxSize(3))
                .as((convs, pools, denses) -> {
                    List<Architecture.Part> parts = new ArrayList<>();
                    if (!convs.isEmpty()) {
                        parts.addAll(convs);
                        parts.addAll(pools);
                    }
                    parts.addAll(denses);
                    return parts;
                });
    }

    @Property(tries = 200)
    void validSpecsRoundTrip(@ForAll("architectures") List<Architecture.Part> parts) {
        String text = String.join(",", parts.stream().map(Architecture.Part::text).toList());
        Architecture parsed = Architecture.parse(text);
        assertThat(parsed.parts()).isEqualTo(parts);
        assertThat(Architecture.parse(parsed.text())).isEqualTo(parsed);
    }

    @Property(tries = 300)
    void anyTextIsParsedOrRefusedInOneLine(@ForAll String text) {
        try {
            Architecture.parse(text);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("--arch: '").contains("accepted: ");
        }
    }

    @Test
    void presetsAndHostileSpecs() {
        assertThat(Architecture.parse("dense").isDefault()).isTrue();
        assertThat(Architecture.parse("conv").text()).isEqualTo(Architecture.CONV);
        assertThat(Architecture.parse("conv:8x5s2p1,pool:2,dense:10").parts()).containsExactly(
                new Architecture.Conv(8, 5, 2, 1), new Architecture.Pool(2, 2), new Architecture.Dense(10));
        assertThatThrownBy(() -> Architecture.parse("conv:8x5,dense:64,conv:4x3,dense:10"))
                .hasMessage("--arch: 'conv:4x3': conv and pool layers come before the dense ones; accepted: " + Architecture.FORM);
        assertThatThrownBy(() -> Architecture.parse("conv:8x5,")).hasMessageStartingWith("--arch: '': not a layer;");
        assertThatThrownBy(() -> Architecture.parse("conv:8x5p5,dense:10"))
                .hasMessageStartingWith("--arch: 'conv:8x5p5': padding must be smaller than the kernel;");
        assertThatThrownBy(() -> Architecture.parse("conv:0x5,dense:10"))
                .hasMessageStartingWith("--arch: 'conv:0x5': numbers must be between 1 and 1048576;");
        assertThatThrownBy(() -> Architecture.parse("conv:8x5")).hasMessageStartingWith("--arch: 'conv:8x5': the last layer");
        assertThatThrownBy(() -> Architecture.parse("pool:2,dense:10")).hasMessageStartingWith("--arch: 'pool:2': a pool");
        assertThatThrownBy(() -> Architecture.parse("dense:99999999")).hasMessageStartingWith("--arch: 'dense:99999999': not a layer");
    }
}
