package org.scforge.harness.mutation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes single mutations of generated Verilog, the kinds a generator bug or a hand edit produces: swapped
 * operators, literals off by one, flipped mask bits, reset values, deleted assignments, swapped port
 * connections and shift amounts. {@link #sample} draws them deterministically by seed, round-robin over
 * the files so that every module gets mutants.
 */
public final class Mutator {

    /** The mutation operators. */
    public enum Operator {
        OPERATOR("operator swap"),
        LITERAL("literal +-1"),
        MASK_BIT("mask bit"),
        RESET_VALUE("reset value"),
        DELETED_ASSIGNMENT("deleted assignment"),
        SWAPPED_PORTS("swapped ports"),
        SHIFT_AMOUNT("shift amount");

        private final String label;

        Operator(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    // binary operators with spaces around them, as the templates write them; part-selects (+:) never match
    private static final String[][] SWAPS = {
            {" + ", " - "}, {" - ", " + "}, {" & ", " | "}, {" | ", " & "}, {" ^ ", " & "}, {" >= ", " > "},
            {" > ", " >= "}, {" < ", " <= "}, {" <= ", " < "}, {" == ", " != "}, {" != ", " == "},
            {" && ", " || "}, {" || ", " && "}, {" ? ", " ? ~"}};
    private static final Pattern DECIMAL = Pattern.compile("(\\d+)'(s?)d(\\d+)");
    private static final Pattern BINARY = Pattern.compile("(\\d+)'b([01_]+)");
    private static final Pattern HEX = Pattern.compile("(\\d+)'h([0-9a-fA-F_]+)");
    private static final Pattern PLAIN_PARAMETER = Pattern.compile("(\\.[A-Z_]+\\(|= )(\\d+)([);])");
    private static final Pattern RESET = Pattern.compile("<= \\{(\\w+)\\{1'b0\\}\\}");
    private static final Pattern NONBLOCKING = Pattern.compile("^(\\s*)([\\w\\[\\]+: ]+<=[^;]+;)\\s*$");
    private static final Pattern CONNECTION = Pattern.compile("^(\\s*\\.\\w+\\()(.+)(\\),?)\\s*$");
    private static final Pattern SHIFT = Pattern.compile("(>>>|<<<|>>|<<) (\\w+)");

    private Mutator() {
    }

    /** Every mutation of {@code files} (name to text, in the design's file order), duplicates removed. */
    public static List<Mutant> all(Map<String, String> files) {
        List<Mutant> out = new ArrayList<>();
        files.forEach((file, text) -> out.addAll(ofFile(file, text)));
        return out;
    }

    /**
     * {@code count} mutants drawn by {@code seed}: each file's mutations shuffled, then taken one file after
     * the other in turn until {@code count} (or all of them). Ids follow the order drawn.
     */
    public static List<Mutant> sample(Map<String, String> files, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Mutant>> perFile = new ArrayList<>();
        files.forEach((file, text) -> {
            List<Mutant> list = new ArrayList<>(ofFile(file, text));
            for (int i = list.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Mutant t = list.get(i);
                list.set(i, list.get(j));
                list.set(j, t);
            }
            perFile.add(list);
        });
        List<Mutant> drawn = new ArrayList<>();
        for (int round = 0; drawn.size() < count; round++) {
            boolean any = false;
            for (List<Mutant> list : perFile) {
                if (round < list.size() && drawn.size() < count) {
                    Mutant m = list.get(round);
                    drawn.add(new Mutant(drawn.size() + 1, m.file(), m.line(), m.operator(), m.before(), m.after()));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return drawn;
    }

    static List<Mutant> ofFile(String file, String text) {
        String[] lines = text.split("\n", -1);
        Map<String, Mutant> unique = new LinkedHashMap<>();
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (!mutable(line)) {
                continue;
            }
            int comment = line.indexOf("//");
            String code = comment < 0 ? line : line.substring(0, comment);
            String rest = comment < 0 ? "" : line.substring(comment);
            Set<Candidate> candidates = new LinkedHashSet<>();
            resetValues(code, candidates);
            operators(code, candidates);
            literals(code, candidates);
            shifts(code, candidates);
            Matcher assignment = NONBLOCKING.matcher(code);
            if (assignment.matches()) {
                candidates.add(new Candidate(Operator.DELETED_ASSIGNMENT,
                        assignment.group(1) + "// deleted by mutation: " + assignment.group(2)));
            }
            for (Candidate c : candidates) {
                String after = c.operator == Operator.DELETED_ASSIGNMENT ? c.code : c.code + rest;
                unique.putIfAbsent(n + "\u0000" + after, new Mutant(0, file, n + 1, c.operator, line, after));
            }
            if (n + 1 < lines.length) {
                Matcher a = CONNECTION.matcher(line);
                Matcher b = CONNECTION.matcher(lines[n + 1]);
                if (a.matches() && b.matches() && !a.group(2).equals(b.group(2))) {
                    // the second line of the pair is mutated too: a two-line change, recorded on the first line
                    String swapped = a.group(1) + b.group(2) + a.group(3) + "\n" + b.group(1) + a.group(2) + b.group(3);
                    unique.putIfAbsent(n + "\u0000" + swapped,
                            new Mutant(0, file, n + 1, Operator.SWAPPED_PORTS, line + "\n" + lines[n + 1], swapped));
                }
            }
        }
        return new ArrayList<>(unique.values());
    }

    /** Declarations, module headers and comments are left alone: their mutants only fail to compile. */
    private static boolean mutable(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("//") || s.startsWith("/*") || s.startsWith("`") || s.startsWith("module ")
                || s.startsWith("input ") || s.startsWith("output ") || s.startsWith("parameter ")
                || s.startsWith("genvar ") || s.startsWith("endmodule")) {
            return false;
        }
        return !((s.startsWith("wire ") || s.startsWith("reg ")) && !s.contains("="));
    }

    private record Candidate(Operator operator, String code) {
    }

    private static void operators(String code, Set<Candidate> out) {
        int assign = Math.max(code.indexOf("= "), 0); // not the <= of a non-blocking assignment itself
        for (String[] swap : SWAPS) {
            for (int at = code.indexOf(swap[0], assign + 1); at >= 0; at = code.indexOf(swap[0], at + 1)) {
                if (swap[0].equals(" <= ") && at == code.indexOf(" <= ")) {
                    continue;
                }
                out.add(new Candidate(Operator.OPERATOR, code.substring(0, at) + swap[1] + code.substring(at + swap[0].length())));
            }
        }
    }

    private static void literals(String code, Set<Candidate> out) {
        Matcher d = DECIMAL.matcher(code);
        while (d.find()) {
            int width = Integer.parseInt(d.group(1));
            long value = Long.parseLong(d.group(3));
            for (long changed : new long[] {value - 1, value + 1}) {
                if (changed >= 0 && (width >= 62 || changed < (1L << width))) {
                    out.add(new Candidate(Operator.LITERAL, replace(code, d, d.group(1) + "'" + d.group(2) + "d" + changed)));
                }
            }
        }
        Matcher p = PLAIN_PARAMETER.matcher(code);
        while (p.find()) {
            long value = Long.parseLong(p.group(2));
            for (long changed : new long[] {value - 1, value + 1}) {
                if (changed >= 0) {
                    out.add(new Candidate(Operator.LITERAL, code.substring(0, p.start(2)) + changed + code.substring(p.end(2))));
                }
            }
        }
        Matcher b = BINARY.matcher(code);
        while (b.find()) {
            String digits = b.group(2);
            for (int i = 0; i < digits.length(); i++) {
                char c = digits.charAt(i);
                if (c == '_') {
                    continue;
                }
                String flipped = digits.substring(0, i) + (c == '0' ? '1' : '0') + digits.substring(i + 1);
                out.add(new Candidate(Operator.MASK_BIT, replace(code, b, b.group(1) + "'b" + flipped)));
            }
        }
        Matcher h = HEX.matcher(code);
        while (h.find()) {
            int width = Integer.parseInt(h.group(1));
            java.math.BigInteger value = new java.math.BigInteger(h.group(2).replace("_", ""), 16);
            for (int bit = 0; bit < width; bit++) {
                out.add(new Candidate(Operator.MASK_BIT, replace(code, h, h.group(1) + "'h" + value.flipBit(bit).toString(16))));
            }
        }
    }

    private static void resetValues(String code, Set<Candidate> out) {
        Matcher r = RESET.matcher(code);
        while (r.find()) {
            out.add(new Candidate(Operator.RESET_VALUE, replace(code, r, "<= {" + r.group(1) + "{1'b1}}")));
        }
        if (code.contains("<= 1'b0;")) {
            out.add(new Candidate(Operator.RESET_VALUE, code.replace("<= 1'b0;", "<= 1'b1;")));
        }
    }

    private static void shifts(String code, Set<Candidate> out) {
        Matcher s = SHIFT.matcher(code);
        while (s.find()) {
            out.add(new Candidate(Operator.SHIFT_AMOUNT, replace(code, s, s.group(1) + " (" + s.group(2) + " + 1)")));
        }
    }

    private static String replace(String code, Matcher m, String with) {
        return code.substring(0, m.start()) + with + code.substring(m.end());
    }
}
