package org.scforge.generators.rtl;

import org.scforge.dsl.Widths;

import java.util.ArrayList;
import java.util.List;

/**
 * The balanced adder tree that counts the ones among {@code terms} bits, node by node, as the popcount
 * template writes it out: a node counts the bits {@code lo .. hi} as the sum of its lower half
 * ({@code (hi - lo + 1) / 2} bits) and its upper half, and is just wide enough for its count. Written
 * out rather than as a recursive module because a simulator elaborates one scope per module instance,
 * and the fully parallel MNIST design has about 64,000 tree nodes (docs/benchmarks.md).
 *
 * @param terms the bits counted
 * @param nodes the adders, children before parents
 * @param root  the expression of the count: the last node, or {@code bits[0]} for one term
 */
public record PopcountTree(int terms, List<Node> nodes, String root) {

    /**
     * One adder: {@code name = left + right}, each operand zero-extended to {@code bits}.
     *
     * @param name  {@code ones_<lo>_to_<hi>}
     * @param bits  ceil(log2(hi - lo + 2)): the width of the count of its bits
     * @param left  the lower half's count, extended
     * @param right the upper half's count, extended
     */
    public record Node(String name, int bits, String left, String right) {
    }

    public PopcountTree {
        nodes = List.copyOf(nodes);
    }

    static PopcountTree of(int terms) {
        if (terms < 1) {
            throw new IllegalArgumentException("a popcount needs at least one term, not " + terms);
        }
        List<Node> nodes = new ArrayList<>();
        Count root = count(0, terms, nodes);
        return new PopcountTree(terms, nodes, root.expression());
    }

    private record Count(String expression, int bits) {

        String extendedTo(int width) {
            return width == bits ? expression : "{" + (width - bits) + "'b0, " + expression + "}";
        }
    }

    private static Count count(int lo, int terms, List<Node> nodes) {
        if (terms == 1) {
            return new Count("bits[" + lo + "]", 1);
        }
        int half = terms / 2;
        Count left = count(lo, half, nodes);
        Count right = count(lo + half, terms - half, nodes);
        int bits = Widths.unsignedBits(terms);
        String name = "ones_" + lo + "_to_" + (lo + terms - 1);
        nodes.add(new Node(name, bits, left.extendedTo(bits), right.extendedTo(bits)));
        return new Count(name, bits);
    }
}
