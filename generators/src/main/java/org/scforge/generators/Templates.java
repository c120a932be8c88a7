package org.scforge.generators;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The FreeMarker templates of one folder of class-path resources, rendered with the one configuration
 * every generated file uses: the generators' blocks (one per hardware block) and the harness's simulator
 * bridges. Models are maps or records (a record's components read as {@code obj.name}).
 */
public final class Templates {

    private static final Templates GENERATORS = new Templates(Templates.class, "/org/scforge/generators/templates");

    private final Configuration configuration;

    /** The templates under the class-path folder {@code folder}, loaded through {@code anchor}'s class loader. */
    public Templates(Class<?> anchor, String folder) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassForTemplateLoading(anchor, folder);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        // Numbers are Verilog and C++ literals: never "1,024".
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        this.configuration = cfg;
    }

    /** The text of template {@code templateName} of the generators' folder with {@code model}. */
    public static String render(String templateName, Object model) {
        return GENERATORS.text(templateName, model);
    }

    /** The text of template {@code templateName} with {@code model}; a template error is a bug, unchecked. */
    public String text(String templateName, Object model) {
        try {
            Template template = configuration.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("template " + templateName, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + templateName + ": " + e.getMessage(), e);
        }
    }
}
