package org.scforge.harness.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Arrays;
import java.util.stream.Stream;

/** Expands a {@link DutTest} into one invocation per simulator. */
public final class DutExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), DutTest.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        DutTest test = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), DutTest.class).orElseThrow();
        return Arrays.stream(test.simulators()).map(s -> new DutInvocation(s, test));
    }
}
