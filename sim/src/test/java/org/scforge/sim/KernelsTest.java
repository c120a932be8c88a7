package org.scforge.sim;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The choice of kernel: the property, its default, its errors; and that a JDK 21+ build really has the vector kernel. */
class KernelsTest {

    /** Stand-ins for the vector kernel: only their identity and {@link BatchKernel#pays} matter to the choice. */
    private static final BatchKernel VECTOR = standIn(true);
    private static final BatchKernel NARROW_VECTOR = standIn(false);

    private static BatchKernel standIn(boolean pays) {
        return (BatchKernel) Proxy.newProxyInstance(BatchKernel.class.getClassLoader(), new Class<?>[] {BatchKernel.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("pays")) {
                        return pays;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void defaultIsTheVectorKernelWhereThereIsOne() {
        assertThat(Kernels.choose(null, Optional.of(VECTOR)).kernel()).containsSame(VECTOR);
        assertThat(Kernels.choose(null, Optional.empty()).kernel()).containsSame(ScalarKernel.INSTANCE);
        assertThat(Kernels.choose(" ", Optional.empty()).kernel()).containsSame(ScalarKernel.INSTANCE);
    }

    @Test
    void aVectorKernelThatDoesNotPayIsTakenOnlyWhenAskedFor() {
        assertThat(Kernels.choose(null, Optional.of(NARROW_VECTOR)).kernel()).containsSame(ScalarKernel.INSTANCE);
        assertThat(Kernels.choose("vector", Optional.of(NARROW_VECTOR)).kernel()).containsSame(NARROW_VECTOR);
    }

    @Test
    void propertyOverridesTheDefault() {
        assertThat(Kernels.choose("scalar", Optional.of(VECTOR)).kernel()).containsSame(ScalarKernel.INSTANCE);
        assertThat(Kernels.choose("vector", Optional.of(VECTOR)).kernel()).containsSame(VECTOR);
    }

    @Test
    void wrongValueIsAOneLineError() {
        Kernels.Choice choice = Kernels.choose("avx", Optional.of(VECTOR));
        assertThat(choice.kernel()).isEmpty();
        assertThat(choice.error()).isEqualTo("-Dscforge.kernel=avx: expected scalar or vector");
    }

    @Test
    void vectorWithoutTheVectorKernelSaysWhy() {
        Kernels.Choice choice = Kernels.choose("vector", Optional.empty());
        assertThat(choice.kernel()).isEmpty();
        assertThat(choice.error()).startsWith("-Dscforge.kernel=vector: ").contains("vector kernel").doesNotContain("\n");
    }

    /** The Maven build on JDK 21+ compiles the kernel and adds the module: a missing kernel is a broken build, not a fallback. */
    @Test
    void vectorKernelIsThereOnJdk21WithTheModule() throws ClassNotFoundException {
        assumeThat(Runtime.version().feature()).isGreaterThanOrEqualTo(21);
        assumeThat(ModuleLayer.boot().findModule(Kernels.VECTOR_MODULE)).isPresent();
        assertThat(Kernels.vector()).get().isInstanceOf(Class.forName("org.scforge.sim.VectorKernel"));
    }
}
