package org.scforge.tests.designs;

import org.scforge.dsl.ModelFile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the fixed test networks as model files, e.g. the MNIST-shaped benchmark model:
 * {@code java -cp test-networks/target/classes:cli/target/scforge.jar org.scforge.tests.designs.WriteModels DIR}.
 */
public final class WriteModels {

    private WriteModels() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        ModelFile.save(TestNetworks.mnistShaped(), dir.resolve("mnist-random.json"));
        ModelFile.save(TestNetworks.tinyMlp(), dir.resolve("tiny_mlp.json"));
        ModelFile.save(TestNetworks.bipolarSmall(), dir.resolve("bipolar_small.json"));
        ModelFile.save(TestNetworks.convMnistShaped(), dir.resolve("conv-mnist-random.json"));
    }
}
