package org.scforge.sim.train;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code --arch} asks for: a comma-separated list of layers, {@code conv:KxN[sS][pP]} (K channels, an N x N
 * kernel, stride S, padding P), {@code pool:W[sS]} (an OR pool of W x W windows, stride S, default W),
 * {@code dense:N} (the last dense layer is the readout and has one neuron per class); or a preset:
 * {@code dense} (the default: {@code dense:HIDDEN} on the features, then the readout) or {@code conv}
 * ({@link #CONV}). Conv and pool layers come first and read raw pixels.
 */
public record Architecture(String spec, List<Part> parts) {

    /** The {@code conv} preset. */
    public static final String CONV = "conv:8x5s2,dense:64,dense:10";
    public static final String FORM = "'dense', 'conv' or a list like conv:8x5s2,pool:2,dense:64,dense:10"
            + " (conv:CHANNELSxKERNEL[sSTRIDE][pPADDING], pool:WINDOW[sSTRIDE], dense:NEURONS)";
    private static final int MAX = 1 << 20;

    public sealed interface Part {
        /** The part as the spec writes it. */
        String text();
    }

    public record Conv(int channels, int kernel, int stride, int padding) implements Part {
        @Override
        public String text() {
            return "conv:" + channels + "x" + kernel + (stride != 1 ? "s" + stride : "") + (padding != 0 ? "p" + padding : "");
        }
    }

    public record Pool(int window, int stride) implements Part {
        @Override
        public String text() {
            return "pool:" + window + (stride != window ? "s" + stride : "");
        }
    }

    public record Dense(int neurons) implements Part {
        @Override
        public String text() {
            return "dense:" + neurons;
        }
    }

    public Architecture {
        parts = List.copyOf(parts);
    }

    private static final Pattern CONV_PART = Pattern.compile("conv:(\\d{1,7})x(\\d{1,7})(?:s(\\d{1,7}))?(?:p(\\d{1,7}))?");
    private static final Pattern POOL_PART = Pattern.compile("pool:(\\d{1,7})(?:s(\\d{1,7}))?");
    private static final Pattern DENSE_PART = Pattern.compile("dense:(\\d{1,7})");

    /** The default: the features, {@code hidden} integrate-and-fire neurons, the readout (no parts: sized by the options). */
    public static Architecture dense() {
        return new Architecture("dense", List.of());
    }

    public boolean isDefault() {
        return parts.isEmpty();
    }

    public boolean hasImageLayers() {
        return parts.stream().anyMatch(p -> !(p instanceof Dense));
    }

    /** Parses {@code text}; an {@link IllegalArgumentException} in one line names the bad part and the form. */
    public static Architecture parse(String text) {
        String spec = text.strip();
        if (spec.equals("dense")) {
            return dense();
        }
        if (spec.equals("conv")) {
            return parse(CONV);
        }
        List<Part> parts = new ArrayList<>();
        for (String raw : spec.split(",", -1)) {
            String part = raw.strip();
            Matcher m;
            if ((m = CONV_PART.matcher(part)).matches()) {
                int kernel = number(m.group(2), part);
                int padding = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
                if (padding >= kernel) {
                    throw bad(part, "padding must be smaller than the kernel");
                }
                parts.add(new Conv(number(m.group(1), part), kernel, m.group(3) == null ? 1 : number(m.group(3), part),
                        padding));
            } else if ((m = POOL_PART.matcher(part)).matches()) {
                int window = number(m.group(1), part);
                parts.add(new Pool(window, m.group(2) == null ? window : number(m.group(2), part)));
            } else if ((m = DENSE_PART.matcher(part)).matches()) {
                parts.add(new Dense(number(m.group(1), part)));
            } else {
                throw bad(part, "not a layer");
            }
        }
        int firstDense = 0;
        while (firstDense < parts.size() && !(parts.get(firstDense) instanceof Dense)) {
            firstDense++;
        }
        for (int i = firstDense; i < parts.size(); i++) {
            if (!(parts.get(i) instanceof Dense)) {
                throw bad(parts.get(i).text(), "conv and pool layers come before the dense ones");
            }
        }
        if (firstDense == parts.size()) {
            throw bad(spec, "the last layer must be dense:CLASSES, the readout");
        }
        if (!parts.isEmpty() && parts.get(0) instanceof Pool) {
            throw bad(parts.get(0).text(), "a pool reads spikes, so a conv layer comes first");
        }
        return new Architecture(spec, parts);
    }

    /** The spec that parses back to these parts. */
    public String text() {
        return isDefault() ? "dense" : String.join(",", parts.stream().map(Part::text).toList());
    }

    private static int number(String digits, String part) {
        int n = Integer.parseInt(digits);
        if (n < 1 || n > MAX) {
            throw bad(part, "numbers must be between 1 and " + MAX);
        }
        return n;
    }

    private static IllegalArgumentException bad(String part, String why) {
        return new IllegalArgumentException("--arch: '" + part + "': " + why + "; accepted: " + FORM);
    }
}
