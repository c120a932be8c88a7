package org.scforge.generators.rtl;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.scforge.dsl.Widths;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The popcount template's trees (docs/rtl.md, blocks): evaluated node by node as the Verilog does, each
 * counts the ones of its bits, has TERMS - 1 adders, is balanced and keeps every node just wide enough.
 */
class PopcountTreeProperties {

    private static final Pattern OPERAND = Pattern.compile("\\{(\\d+)'b0, (.+)}|(.+)");
    private static final Pattern BIT = Pattern.compile("bits\\[(\\d+)]");

    @Property(tries = 200)
    void everyTreeCountsTheOnesOfItsBits(@ForAll @IntRange(min = 1, max = 600) int terms, @ForAll long seed) {
        PopcountTree tree = PopcountTree.of(terms);
        Random random = new Random(seed);
        boolean[] bits = new boolean[terms];
        int ones = 0;
        double density = random.nextDouble();
        for (int i = 0; i < terms; i++) {
            bits[i] = random.nextDouble() < density;
            ones += bits[i] ? 1 : 0;
        }
        Map<String, Integer> values = new HashMap<>();
        Map<String, Integer> depths = new HashMap<>();
        for (PopcountTree.Node node : tree.nodes()) {
            int left = value(node.left(), node.bits(), bits, values);
            int right = value(node.right(), node.bits(), bits, values);
            // the node's width holds its sum: Verilog would drop a carry out of it
            assertThat(left + right).as(node.name()).isLessThan(1 << node.bits());
            values.put(node.name(), left + right);
            depths.put(node.name(), 1 + Math.max(depth(node.left(), depths), depth(node.right(), depths)));
        }
        assertThat(value(tree.root(), Widths.unsignedBits(terms), bits, values)).isEqualTo(ones);
        assertThat(tree.nodes()).hasSize(terms - 1);
        int balanced = 32 - Integer.numberOfLeadingZeros(terms - 1);
        assertThat(depth(tree.root(), depths)).as("depth of the tree of %d terms", terms).isEqualTo(balanced);
        for (PopcountTree.Node node : tree.nodes()) {
            Matcher name = Pattern.compile("ones_(\\d+)_to_(\\d+)").matcher(node.name());
            assertThat(name.matches()).isTrue();
            int counted = Integer.parseInt(name.group(2)) - Integer.parseInt(name.group(1)) + 1;
            assertThat(node.bits()).as(node.name()).isEqualTo(Widths.unsignedBits(counted));
        }
    }

    @Test
    void theTreeOfThreeTermsIsTheOneDocsRtlShows() {
        PopcountTree tree = PopcountTree.of(3);
        assertThat(tree.nodes()).containsExactly(
                new PopcountTree.Node("ones_1_to_2", 2, "{1'b0, bits[1]}", "{1'b0, bits[2]}"),
                new PopcountTree.Node("ones_0_to_2", 2, "{1'b0, bits[0]}", "ones_1_to_2"));
        assertThat(tree.root()).isEqualTo("ones_0_to_2");
        assertThat(PopcountTree.of(1).nodes()).isEmpty();
        assertThat(PopcountTree.of(1).root()).isEqualTo("bits[0]");
    }

    /** The value of an operand {@code {k'b0, x}} or {@code x}, checking that an extension fills the node's width. */
    private static int value(String operand, int width, boolean[] bits, Map<String, Integer> values) {
        Matcher m = OPERAND.matcher(operand);
        assertThat(m.matches()).isTrue();
        String inner = m.group(2) != null ? m.group(2) : m.group(3);
        int innerBits;
        int value;
        Matcher bit = BIT.matcher(inner);
        if (bit.matches()) {
            value = bits[Integer.parseInt(bit.group(1))] ? 1 : 0;
            innerBits = 1;
        } else {
            assertThat(values).as("%s is computed before it is used", inner).containsKey(inner);
            value = values.get(inner);
            innerBits = Integer.parseInt(inner.replaceAll("ones_(\\d+)_to_(\\d+)", "$2"))
                    - Integer.parseInt(inner.replaceAll("ones_(\\d+)_to_(\\d+)", "$1")) + 1;
            innerBits = Widths.unsignedBits(innerBits);
        }
        int extension = m.group(1) != null ? Integer.parseInt(m.group(1)) : 0;
        assertThat(innerBits + extension).as("operand %s of a %d-bit node", operand, width).isEqualTo(width);
        return value;
    }

    private static int depth(String operand, Map<String, Integer> depths) {
        Matcher m = OPERAND.matcher(operand);
        assertThat(m.matches()).isTrue();
        return depths.getOrDefault(m.group(2) != null ? m.group(2) : m.group(3), 0);
    }
}
