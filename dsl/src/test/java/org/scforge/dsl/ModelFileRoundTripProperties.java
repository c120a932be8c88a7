package org.scforge.dsl;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Saving a model then loading it gives back exactly what was saved, for random networks. */
class ModelFileRoundTripProperties {

    @Provide
    Arbitrary<ModelDocument> documents() {
        return RandomNetworks.documents();
    }

    @Property(tries = 300)
    void textRoundTripIsExact(@ForAll("documents") ModelDocument document) throws Exception {
        String json = ModelFile.toJson(document);
        ModelDocument back = ModelFile.parse(json, "model.json");
        assertThat(back.network()).isEqualTo(document.network());
        assertThat(back.testFrames()).isEqualTo(document.testFrames());
        assertThat(back.info()).isEqualTo(document.info());
        assertThat(back).isEqualTo(document);
        assertThat(ModelFile.toJson(back)).as("writing is deterministic").isEqualTo(json);
    }

    @Property(tries = 40)
    void fileRoundTripIsExactAndLeavesNoTemporaryFile(@ForAll("documents") ModelDocument document) throws Exception {
        Path dir = Files.createTempDirectory("scforge-model");
        try {
            Path file = dir.resolve("sub").resolve("model.json");
            ModelFile.save(document, file);
            ModelFile.save(document, file); // overwriting an existing file is atomic too
            assertThat(ModelFile.load(file)).isEqualTo(document);
            try (var listing = Files.list(file.getParent())) {
                assertThat(listing).containsExactly(file.toAbsolutePath());
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Property(tries = 50)
    void everyWeightRowIsOneLine(@ForAll("documents") ModelDocument document) {
        String json = ModelFile.toJson(document);
        for (DenseLayer layer : document.network().layers()) {
            for (int j = 0; j < layer.neurons(); j++) {
                StringBuilder row = new StringBuilder("[");
                for (int i = 0; i < layer.fanIn(); i++) {
                    row.append(i == 0 ? "" : ", ").append(layer.weights().get(j, i));
                }
                String line = row.append("]").toString();
                assertThat(json.lines().map(String::strip)).as("a line of its own").containsAnyOf(line, line + ",");
            }
        }
    }
}
