package org.scforge.harness.junit;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scforge.harness.Simulator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A hardware test, in the spirit of cocotb: the method runs once per simulator and receives a started
 * {@link org.scforge.harness.Dut} of the design that the static method named by {@link #design()} returns
 * (a {@link org.scforge.harness.DutSources}, or a {@link DesignUnderTest} when a driver needs the network).
 *
 * <pre>{@code
 * static DutSources example() { ... }
 *
 * @DutTest(design = "example")
 * void doneRisesAtLPlusD(Dut dut) { ... dut.expect("done", 1); }
 * }</pre>
 *
 * A failing invocation keeps a waveform in {@code target/waves/<TestClass>/<method>/<simulator>.vcd}
 * (a passing one deletes it). A missing simulator fails the test when {@code CI=true} and skips it with a
 * message naming the Debian package otherwise.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(DutExtension.class)
public @interface DutTest {

    /** Name of a static, parameterless method of the test class returning the design. */
    String design();

    /** The simulators to run the test in, one invocation each. */
    Simulator[] simulators() default {Simulator.VERILATOR, Simulator.ICARUS};

    /** Record a waveform (kept only when the test fails). */
    boolean waves() default true;
}
