package org.scforge.generators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identifiers a Verilog FreeMarker template declares (modules, ports, nets, variables, parameters,
 * tasks, generate block labels, instances), as written in the template: {@code window_last},
 * {@code ${l.name}_spikes}, {@code tb_${top}}. A reading of the templates' own style, not a Verilog
 * parser: one declaration per line, comma lists only for variables without initial values. Public for
 * the tests module, which reads the harness's bridge template with it.
 */
public final class TemplateDeclarations {

    /** An identifier with FreeMarker interpolations in it. */
    private static final String ID = "(?:[A-Za-z_][A-Za-z0-9_]*|\\$\\{[^}]*\\})(?:[A-Za-z0-9_]|\\$\\{[^}]*\\})*";
    private static final Pattern MODULE = Pattern.compile("\\bmodule\\s+(" + ID + ")");
    private static final Pattern TASK = Pattern.compile("\\b(?:task|function)\\s+(?:automatic\\s+)?(?:\\[[^\\]]*\\]\\s*)?(" + ID + ")");
    private static final Pattern LABEL = Pattern.compile("\\bbegin\\s*:\\s*(" + ID + ")");
    private static final Pattern TASK_ARGUMENT = Pattern.compile("\\(\\s*input\\s+integer\\s+(" + ID + ")");
    private static final Pattern DECLARATION = Pattern.compile(
            "^(?:(?:input|output|inout)\\s+)?(?:wire|reg|integer|genvar|localparam|parameter|input|output|inout)\\b(.*)$");
    private static final Pattern INSTANCE_AFTER_PARAMETERS = Pattern.compile("^\\)\\s*(" + ID + ")\\s*\\($");
    private static final Pattern INSTANCE = Pattern.compile("^(" + ID + ")\\s+(" + ID + ")\\s*\\($");
    private static final Pattern FIRST = Pattern.compile("^\\s*(" + ID + ")");

    private TemplateDeclarations() {
    }

    public static Set<String> of(Path template) throws IOException {
        String text = Files.readString(template)
                .replaceAll("(?s)<#--.*?-->", "")
                .replaceAll("(?s)/\\*.*?\\*/", "");
        Set<String> declared = new LinkedHashSet<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("<#") || line.startsWith("</#")) {
                continue;
            }
            line = line.replaceAll("//.*", "").replaceAll("\\(\\*.*?\\*\\)", "").strip();
            for (Pattern p : List.of(MODULE, TASK, LABEL, TASK_ARGUMENT)) {
                Matcher m = p.matcher(line);
                while (m.find()) {
                    declared.add(m.group(1));
                }
            }
            Matcher d = DECLARATION.matcher(line);
            if (d.matches()) {
                declared.addAll(declaredNames(d.group(1)));
            }
            Matcher afterParameters = INSTANCE_AFTER_PARAMETERS.matcher(line);
            if (afterParameters.matches()) {
                declared.add(afterParameters.group(1));
            }
            Matcher instance = INSTANCE.matcher(line);
            if (instance.matches()) {
                declared.add(instance.group(2));
            }
        }
        return declared;
    }

    /** The names after a declaration's keyword: types and ranges dropped, up to an initial value. */
    private static List<String> declaredNames(String rest) {
        String names = rest.replaceFirst("^\\s*(?:wire|reg)\\b", "")
                .replaceAll("\\b(?:signed|integer)\\b", "")
                .replaceAll("\\[[^\\]]*\\]", "")
                .strip();
        if (names.contains("=")) {
            names = names.substring(0, names.indexOf('='));
        }
        List<String> found = new ArrayList<>();
        for (String part : names.replaceAll("[;,]\\s*$", "").split(",")) {
            Matcher m = FIRST.matcher(part);
            if (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }
}
