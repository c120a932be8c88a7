package org.scforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.Stdp;
import org.scforge.sim.learn.StdpExample;
import org.scforge.sim.learn.StdpOptions;

/**
 * {@code report.json} of {@code scforge stdp}: the learned and the frozen-random accuracy (the issue's
 * {@code test_accuracy} and {@code frozen_random_accuracy}, camelCase as every field scforge writes), the
 * label assignment's own accuracies, timing, and the network's and rule's parameters as the model holds them.
 */
final class StdpReport {

    private StdpReport() {
    }

    static String json(StdpExample.Outcome outcome, StdpOptions options, double totalSeconds) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("testAccuracy", outcome.learned().test().accuracy());
        root.put("frozenRandomAccuracy", outcome.frozen().test().accuracy());
        root.put("assignmentAccuracy", outcome.learned().assignmentAccuracy());
        root.put("frozenAssignmentAccuracy", outcome.frozen().assignmentAccuracy());
        root.put("learnSeconds", outcome.learnSeconds());
        root.put("totalSeconds", totalSeconds);
        root.put("frames", options.frames());
        root.put("test", options.test());
        root.put("seed", options.seed());
        DenseLayer features = outcome.learned().network().layers().get(0);
        NeuronModel.IntegrateAndFire neuron = (NeuronModel.IntegrateAndFire) features.neuron();
        root.put("neurons", features.neurons());
        root.put("length", outcome.learned().network().length());
        root.put("weightBits", outcome.learned().network().weightBits());
        root.put("threshold", neuron.threshold());
        root.put("floor", neuron.floor());
        root.put("initialMax", options.initialMax());
        Stdp rule = features.learning().orElseThrow();
        ObjectNode r = root.putObject("rule");
        r.put("source", rule.source());
        r.put("window", rule.window());
        r.put("probabilityBits", rule.probabilityBits());
        r.put("pPlus", rule.pPlus());
        r.put("pMinus", rule.pMinus());
        r.put("step", rule.step());
        r.put("min", rule.min());
        r.put("max", rule.max());
        r.put("wta", rule.wta());
        rule.homeostasis().ifPresent(h -> {
            ObjectNode o = r.putObject("homeostasis");
            o.put("step", h.step());
            o.put("decayFrames", h.decayFrames());
            o.put("limit", h.limit());
            // the learned offsets are in model.json; their spread says how hard the thresholds had to work
            o.put("meanOffset", h.offsets().stream().mapToInt(Integer::intValue).average().orElse(0));
            o.put("maxOffset", h.offsets().stream().mapToInt(Integer::intValue).max().orElse(0));
        });
        ArrayNode perClass = root.putArray("neuronsPerClass");
        for (int n : outcome.learned().assignment().neuronsPerClass()) {
            perClass.add(n);
        }
        matrix(root.putArray("confusionMatrix"), outcome.learned().test().confusion());
        matrix(root.putArray("frozenConfusionMatrix"), outcome.frozen().test().confusion());
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a report always serialises", e);
        }
    }

    private static void matrix(ArrayNode into, int[][] rows) {
        for (int[] row : rows) {
            ArrayNode r = into.addArray();
            for (int v : row) {
                r.add(v);
            }
        }
    }
}
