package org.scforge.dsl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The DSL example of README.md, kept compiling and true here (copy any change both ways). */
class ReadmeExampleTest {

    @Test
    void readmeExampleBuildsAndSaves(@TempDir Path dir) throws Exception {
        Network net = Network.named("mnist")
                .inputs(50, Code.signMagnitude(8))           // 50 features, sign and 8-bit magnitude
                .weights(8)                                  // weights: sign and 8-bit magnitude
                .bitstream(512)                              // L = 512 steps per frame
                .sources(SourcePlan.lfsr(16, 1))             // one 16-bit LFSR for the inputs, one per layer
                .dense("hidden", 128, Neuron.integrateAndFire(4).floor(-4).leakShift(0))
                .dense("out", 10, Neuron.counter())          // the readout counts; the class is the argmax
                .build();                                    // validated; every problem is named

        assertThat(net.summary()).startsWith("mnist: 50-128-10, 2 layers, 138 neurons, 7818 synapses, L=512");
        ModelFile.save(net, dir.resolve("model.json"));
        assertThat(ModelFile.load(dir.resolve("model.json")).network()).isEqualTo(net);
        assertThat(net.sources()).extracting(Source::kind).containsOnly("lfsr");
        assertThat(net.layers().get(0).neuron()).isEqualTo(new NeuronModel.IntegrateAndFire(4, -4, 3, 0));
    }

    @Test
    void readmeCodeBlockIsTheTestedOne() throws Exception {
        String readme = Files.readString(ProjectFiles.find("README.md"));
        String test = Files.readString(ProjectFiles.find("dsl/src/test/java/org/scforge/dsl/ReadmeExampleTest.java"));
        String builder = test.substring(test.indexOf("Network net = "), test.indexOf(".build();") + ".build();".length());
        assertThat(normalise(readme)).contains(normalise(builder));
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
