package org.scforge.dsl;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model file's {@code preprocessing}: it gives back every double bit for bit, and refuses what does not fit. */
class PreprocessingFileProperties {

    /** Doubles a trained PCA may hold, and the awkward ones: signed zeros, subnormals, the extremes. */
    private static double awkward(Random r) {
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
            1e-310, 0.1, 1.0 / 3};
        return r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : r.nextGaussian() * Math.pow(10, r.nextInt(-8, 8));
    }

    /** A random network with a preprocessing that fits it: PCA onto its inputs (sm codes) or raw pixels (u codes). */
    @Provide
    Arbitrary<ModelDocument> documents() {
        return Combinators.combine(RandomNetworks.networks(), Arbitraries.longs()).as((network, seed) -> {
            Random r = new Random(seed);
            int features = network.inputs();
            Preprocessing.Scaling scaling;
            Optional<Preprocessing.Projection> projection;
            int height;
            int width;
            if (network.inputCode().signed()) {
                height = r.nextInt(1, 6);
                width = r.nextInt(1, 6);
                double[] mean = new double[height * width];
                double[][] components = new double[features][height * width];
                for (int c = 0; c < mean.length; c++) {
                    mean[c] = awkward(r);
                }
                for (double[] row : components) {
                    for (int c = 0; c < row.length; c++) {
                        row[c] = awkward(r);
                    }
                }
                double[] scales = new double[features];
                for (int k = 0; k < features; k++) {
                    scales[k] = Math.abs(awkward(r));
                }
                projection = Optional.of(new Preprocessing.Projection(mean, components));
                scaling = new Preprocessing.Scaling.SignMagnitude(scales);
            } else {
                height = 1;
                width = features;
                projection = Optional.empty();
                scaling = new Preprocessing.Scaling.Unsigned(awkward(r), awkward(r));
            }
            return new ModelDocument(network, Optional.empty(), Map.of(),
                    Optional.of(new Preprocessing(height, width, projection, scaling)));
        });
    }

    @Property(tries = 150)
    void everyDoubleComesBackBitForBit(@ForAll("documents") ModelDocument document) throws Exception {
        String json = ModelFile.toJson(document);
        ModelDocument back = ModelFile.parse(json, "model.json");
        assertThat(back.preprocessing()).isEqualTo(document.preprocessing());
        assertThat(back).isEqualTo(document);
        assertThat(ModelFile.toJson(back)).isEqualTo(json);
    }

    private static String withPreprocessing(String preprocessing) throws Exception {
        Network network = Network.named("p").inputs(2, Code.signMagnitude(3)).weights(3).bitstream(8)
                .sources(SourcePlan.lowDiscrepancy()).dense("out", 2, Neuron.counter()).build();
        String json = ModelFile.toJson(ModelDocument.of(network));
        return json.substring(0, json.lastIndexOf('}')).stripTrailing() + ",\n  \"preprocessing\": " + preprocessing + "\n}\n";
    }

    @Test
    void aPreprocessingThatDoesNotFitIsRefusedWithItsPath() throws Exception {
        String good = "{\"image\": {\"height\": 1, \"width\": 3}, \"projection\": {\"mean\": [0, 0, 0], \"components\": "
                + "[[1, 0, 0], [0, 1, 0]]}, \"scaling\": {\"kind\": \"sign-magnitude\", \"scales\": [1, 2]}}";
        assertThat(ModelFile.parse(withPreprocessing(good), "m.json").preprocessing()).isPresent();
        List<String[]> bad = List.of(
                new String[] {good.replace("\"components\": [[1, 0, 0], [0, 1, 0]]", "\"components\": [[1, 0, 0]]"),
                    "$.preprocessing gives 1 features, the network has 2 inputs"},
                new String[] {good.replace("\"mean\": [0, 0, 0]", "\"mean\": [0, 0]"),
                    "$.preprocessing.projection.mean has 2 values, the image 3 pixels"},
                new String[] {good.replace("[0, 1, 0]]", "[0, 1]]"),
                    "$.preprocessing.projection.components[1] has 2 values, the image 3 pixels"},
                new String[] {good.replace("\"scales\": [1, 2]", "\"scales\": [1]"),
                    "$.preprocessing.scaling.scales has 1 values for 2 features"},
                new String[] {good.replace("sign-magnitude", "unsigned"),
                    "$.preprocessing.scaling.kind is unsigned, the inputs are sm3"},
                new String[] {good.replace("sign-magnitude", "log"), "$.preprocessing.scaling.kind is 'log'"},
                new String[] {good.replace("\"mean\": [0, 0, 0]", "\"mean\": [0, \"x\", 0]"),
                    "$.preprocessing.projection.mean[1] must be a number"},
                new String[] {good.replace("\"height\": 1", "\"height\": 0"), "$.preprocessing.image is 0 x 3 pixels"});
        for (String[] b : bad) {
            assertThatThrownBy(() -> ModelFile.parse(withPreprocessing(b[0]), "m.json")).as(b[1])
                    .isInstanceOf(ModelFileException.class).hasMessageContaining(b[1]);
        }
    }
}
