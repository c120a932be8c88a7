package org.scforge.harness;

import org.junit.jupiter.api.Test;
import org.scforge.generators.TemplateNameRules;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness's Icarus bridge declares its own identifiers beside the design's ports
 * ({@code <layer>_spikes}) and its module beside the design's modules: none of them may be reachable
 * by a name validation accepts (the generators' TemplateNamesTest does the same for their templates).
 */
class BridgeTemplateNamesTest {

    @Test
    void noAcceptedNameCanClashWithAnIdentifierOfTheIcarusBridge() throws IOException {
        Path bridge = Path.of("src/main/resources/org/scforge/harness/icarus_bridge.v.ftl");
        assertThat(TemplateNameRules.problems(bridge)).isEmpty();
    }
}
