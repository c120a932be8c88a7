package org.scforge.harness.junit.drivers;

import org.scforge.dsl.Network;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;

/**
 * Build-time entry point of {@link DriverGenerator}: writes the typed drivers of the networks that static,
 * parameterless methods return, so that tests compile against them. The tests module runs it with
 * exec-maven-plugin at {@code generate-test-sources}, on the test class path (where the networks are):
 *
 * <pre>WriteDrivers OUT_DIR PACKAGE org.scforge.tests.designs.TestNetworks#tinyMlp [CLASS#METHOD ...]</pre>
 *
 * The networks are named by method rather than listed here, so that this module knows no project's
 * test networks.
 */
public final class WriteDrivers {

    private WriteDrivers() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: WriteDrivers OUT_DIR PACKAGE CLASS#METHOD..., got "
                    + args.length + " arguments");
        }
        Path out = Path.of(args[0]);
        for (int i = 2; i < args.length; i++) {
            DriverGenerator.driver(network(args[i]), args[1]).writeTo(out);
        }
    }

    /** The network that the static, parameterless method {@code reference} ("CLASS#METHOD") returns. */
    static Network network(String reference) {
        int hash = reference.indexOf('#');
        if (hash <= 0 || hash == reference.length() - 1) {
            throw new IllegalArgumentException("expected CLASS#METHOD, got '" + reference + "'");
        }
        try {
            Method method = Class.forName(reference.substring(0, hash)).getDeclaredMethod(reference.substring(hash + 1));
            if (!Modifier.isStatic(method.getModifiers()) || method.getReturnType() != Network.class) {
                throw new IllegalArgumentException(reference + " must be a static method returning a Network");
            }
            method.setAccessible(true);
            return (Network) method.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot call " + reference + "(): " + e, e);
        }
    }
}
