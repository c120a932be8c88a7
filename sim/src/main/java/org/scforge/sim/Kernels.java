package org.scforge.sim;

import java.util.Optional;

/**
 * Which {@link BatchKernel} the golden model runs, chosen once per JVM: {@code -Dscforge.kernel=scalar|vector}
 * when set, else the vector kernel where this JVM can run it (JDK 21 or later, started with
 * {@code --add-modules jdk.incubator.vector}, a jar or class path that holds the Java 21 classes) and it
 * pays on this CPU ({@link BatchKernel#pays}: vectors of 256 bits or more), else the scalar one. No
 * calibration run at start-up: the width decided it in every measurement of docs/benchmarks.md ("Vector
 * API kernel"). A wrong property value is kept as an error, not thrown here, so that the class still loads
 * and every caller gets the same clear message.
 */
final class Kernels {

    static final String PROPERTY = "scforge.kernel";
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** Only in the Java 21 part of the multi-release jar (sim/src/main/java21). */
    private static final String VECTOR_CLASS = "org.scforge.sim.VectorKernel";

    private static final Choice CHOSEN = choose(System.getProperty(PROPERTY), vector());

    private Kernels() {
    }

    /** The kernel of this JVM; an {@link IllegalArgumentException} saying why when the property asks for one it cannot have. */
    static BatchKernel chosen() {
        return CHOSEN.kernel().orElseThrow(() -> new IllegalArgumentException(CHOSEN.error()));
    }

    /** The vector kernel when this JVM can run it. */
    static Optional<BatchKernel> vector() {
        if (Runtime.version().feature() < 21 || ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of((BatchKernel) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            // built on JDK 17 (no Java 21 classes) or run from a plain class folder: the scalar kernel serves
            return Optional.empty();
        }
    }

    /** The kernel for a value of the property ({@code null}: not set), given the vector kernel if there is one. */
    static Choice choose(String value, Optional<BatchKernel> vector) {
        if (value == null || value.isBlank()) {
            return new Choice(Optional.of(vector.filter(BatchKernel::pays).orElse(ScalarKernel.INSTANCE)), "");
        }
        switch (value.trim()) {
            case "scalar":
                return new Choice(Optional.of(ScalarKernel.INSTANCE), "");
            case "vector":
                return vector.isPresent() ? new Choice(vector, "")
                        : new Choice(Optional.empty(), "-D" + PROPERTY + "=vector: " + whyNoVector());
            default:
                return new Choice(Optional.empty(), "-D" + PROPERTY + "=" + value + ": expected scalar or vector");
        }
    }

    private static String whyNoVector() {
        int feature = Runtime.version().feature();
        if (feature < 21) {
            return "the vector kernel needs JDK 21 or later, this is JDK " + feature;
        }
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return "the vector kernel needs the JVM option --add-modules " + VECTOR_MODULE;
        }
        return "this build has no vector kernel (it was compiled on JDK 17): rebuild it on JDK 21 or later";
    }

    /** A kernel, or the error that stands for it. */
    record Choice(Optional<BatchKernel> kernel, String error) {
    }
}
