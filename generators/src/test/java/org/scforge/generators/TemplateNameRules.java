package org.scforge.generators;

import org.scforge.dsl.VerilogNames;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that no name {@link VerilogNames} accepts can make an identifier a template declares clash
 * with another: each declared identifier is either the template's own (then every name equal to it or
 * to a stem of it before a '_' is refused), one of a family with a generated prefix (then names with
 * that prefix are refused), or a name of the network, a source or a layer as it is or followed by '_'
 * (kept apart by the rule that no name is another name followed by '_'). Templates whose only
 * interpolated declarations are their module {@code ${top}_<block>} and identifiers made of numbers
 * (the popcount's nodes {@code ones_<lo>_to_<hi>}) hold no names and are not checked further. An interpolation this class does not know fails the check, so a new template variable in a
 * declaration is classified here before it can reach a design.
 */
public final class TemplateNameRules {

    /** Template expressions whose value is a name, or a name followed by '_' and more. */
    private static final Set<String> NAMES = Set.of("top", "layer.name", "l.name", "n.name", "s.instance",
            "layer.module", "l.module", "p.module", "p.name", "p.name()", "lane.neurons[0].name",
            // a learning synapse: <layer>_weight_<j>_<i>; a neuron's threshold offset and threshold with homeostasis:
            // <layer>_neuron_<j>_offset, <layer>_neuron_<j>_threshold
            "w.name", "o.name", "o.threshold");
    /** Template expressions whose value starts with a generated prefix. */
    private static final Map<String, String> PREFIXED = Map.of("lane.name", "lane_", "n.lane", "lane_",
            // a conv layer's slots (their prefix is empty for a dense layer, whose identifiers are then the literal
            // synapse_x, chunk_x, ..., listed in VerilogNames.GENERATED)
            "s.prefix", "slot_", "slotPrefix", "slot_", "windowName", "slot_");
    private static final Pattern LEADING = Pattern.compile("^\\$\\{([^}]*)\\}(.*)$");
    private static final Pattern BLOCK_MODULE = Pattern.compile("^\\$\\{top\\}_([a-z][a-z0-9_]*)$");
    /** Template expressions whose value is an identifier made of a literal word and numbers, never a name. */
    private static final Set<String> NUMBERED = Set.of("${node.name}");

    private TemplateNameRules() {
    }

    /** What could clash in {@code template}; empty when nothing can. */
    public static List<String> problems(Path template) throws IOException {
        Set<String> declared = TemplateDeclarations.of(template);
        String file = template.getFileName().toString();
        List<String> problems = new ArrayList<>();
        List<String> interpolated = declared.stream().filter(d -> d.contains("${") && !NUMBERED.contains(d)).toList();
        if (interpolated.size() == 1 && BLOCK_MODULE.matcher(interpolated.get(0)).matches()) {
            String block = BLOCK_MODULE.matcher(interpolated.get(0)).replaceFirst("$1");
            if (block.startsWith("layer_")) {
                problems.add(file + ": block module " + interpolated.get(0) + " could be a layer's module ${top}_layer_<layer>");
            }
            return problems;
        }
        for (String id : declared) {
            problems.addAll(problems(file, id));
        }
        return problems;
    }

    private static List<String> problems(String file, String id) {
        List<String> problems = new ArrayList<>();
        int interpolation = id.indexOf("${");
        if (interpolation < 0) {
            for (String stem : stems(id)) {
                if (VerilogNames.refusal(stem).isEmpty()) {
                    problems.add(file + ": declares " + id + ", but a name '" + stem + "' is accepted"
                            + (stem.equals(id) ? "" : " (whose identifiers " + stem + "_... could be " + id + ")")
                            + "; add " + id + " to VerilogNames.GENERATED");
                }
            }
        } else if (interpolation > 0) {
            problems.addAll(prefixed(file, id, id.substring(0, interpolation)));
        } else {
            Matcher m = LEADING.matcher(id);
            m.matches();
            String expression = m.group(1);
            String rest = m.group(2);
            if (PREFIXED.containsKey(expression)) {
                problems.addAll(prefixed(file, id, PREFIXED.get(expression)));
            } else if (!NAMES.contains(expression)) {
                problems.add(file + ": declares " + id + " from ${" + expression + "}, which TemplateNameRules does"
                        + " not know; say whether it is a name or has a generated prefix");
            } else if (!rest.isEmpty() && !rest.startsWith("_")) {
                problems.add(file + ": declares " + id + ", a name followed by something else than '_'; names are"
                        + " kept apart only by what follows them after a '_'");
            }
        }
        return problems;
    }

    /** A family {@code prefix...}: every name with the prefix, and the prefix's stems, must be refused. */
    private static List<String> prefixed(String file, String id, String prefix) {
        List<String> problems = new ArrayList<>();
        if (!prefix.endsWith("_")) {
            problems.add(file + ": declares " + id + ", whose literal prefix '" + prefix + "' does not end in '_'");
            return problems;
        }
        List<String> probes = new ArrayList<>(List.of(prefix + "a", prefix + "x1", prefix + "0"));
        probes.addAll(stems(prefix.substring(0, prefix.length() - 1)));
        for (String probe : probes) {
            if (VerilogNames.refusal(probe).isEmpty()) {
                problems.add(file + ": declares " + id + ", but a name '" + probe + "' is accepted; add '" + prefix
                        + "' to VerilogNames.GENERATED_PREFIXES");
            }
        }
        return problems;
    }

    /** {@code id} and every part of it before a '_': {@code window_last} -> window_last, window. */
    private static List<String> stems(String id) {
        List<String> stems = new ArrayList<>(List.of(id));
        for (int i = id.indexOf('_'); i > 0; i = id.indexOf('_', i + 1)) {
            stems.add(id.substring(0, i));
        }
        return stems;
    }
}
