package org.scforge.harness.junit;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.opentest4j.TestAbortedException;
import org.scforge.harness.BridgeDut;
import org.scforge.harness.BuiltModel;
import org.scforge.harness.Dut;
import org.scforge.harness.DutSources;
import org.scforge.harness.ModelBuilder;
import org.scforge.harness.Simulator;
import org.scforge.harness.ToolPolicy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One simulator's run of a {@link DutTest}: checks the tool, starts the design with a waveform, hands the
 * {@link Dut} to the test, and afterwards keeps the waveform only if the test failed.
 */
final class DutInvocation implements TestTemplateInvocationContext, BeforeEachCallback, ParameterResolver,
        TestExecutionExceptionHandler, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DutInvocation.class);

    private final Simulator simulator;
    private final DutTest test;

    DutInvocation(Simulator simulator, DutTest test) {
        this.simulator = simulator;
        this.test = test;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return "[" + simulator.id() + "]";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(this);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ToolPolicy.require(simulator);
    }

    /** Where this invocation's waveform goes: {@code target/waves/<TestClass>/<method>/<simulator>.vcd}. */
    static Path wavePath(ExtensionContext context, Simulator simulator) {
        Path base = Path.of(System.getProperty("scforge.waves", "target/waves"));
        return base.resolve(context.getRequiredTestClass().getSimpleName())
                .resolve(context.getRequiredTestMethod().getName()).resolve(simulator.id() + ".vcd");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Dut.class || type == Simulator.class || type == DesignUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == Simulator.class) {
            return simulator;
        }
        if (type == DesignUnderTest.class) {
            return design(context);
        }
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("dut", key -> start(context), Dut.class);
    }

    private Dut start(ExtensionContext context) {
        DesignUnderTest design = design(context);
        BuiltModel model = ModelBuilder.standard().build(design.rtl(), simulator, test.waves());
        Path wave = test.waves() ? wavePath(context, simulator) : null;
        return BridgeDut.start(model, wave);
    }

    /** Calls the test class's design method once per test class and simulator run. */
    private DesignUnderTest design(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        String key = testClass.getName() + "#" + test.design();
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(key, k -> callDesign(testClass),
                DesignUnderTest.class);
    }

    private DesignUnderTest callDesign(Class<?> testClass) {
        try {
            Method method = testClass.getDeclaredMethod(test.design());
            method.setAccessible(true);
            Object value = method.invoke(null);
            if (value instanceof DesignUnderTest d) {
                return d;
            }
            if (value instanceof DutSources r) {
                return new DesignUnderTest(null, r);
            }
            throw new ParameterResolutionException(test.design() + "() must return a DutSources or a DesignUnderTest");
        } catch (ReflectiveOperationException e) {
            throw new ParameterResolutionException("cannot call the design method " + testClass.getSimpleName() + "."
                    + test.design() + "(): " + e, e);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (failure instanceof TestAbortedException || !test.waves()) {
            throw failure;
        }
        closeDut(context);
        Path wave = wavePath(context, simulator);
        if (Files.exists(wave)) {
            AssertionError withWave = new AssertionError(failure.getMessage() + "\n  waveform: " + wave.toAbsolutePath(),
                    failure);
            withWave.setStackTrace(failure.getStackTrace());
            throw withWave;
        }
        throw failure;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        closeDut(context);
        if (test.waves() && context.getExecutionException().isEmpty()) {
            Path wave = wavePath(context, simulator);
            Files.deleteIfExists(wave);
            deleteIfEmpty(wave.getParent());
            deleteIfEmpty(wave.getParent().getParent());
        }
    }

    private static void closeDut(ExtensionContext context) {
        Dut dut = context.getStore(NAMESPACE).remove("dut", Dut.class);
        if (dut != null) {
            dut.close();
        }
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        if (dir != null && Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }
}
