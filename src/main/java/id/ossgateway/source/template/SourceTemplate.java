package id.ossgateway.source.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route template that reads from an OPD system (a kamelet labelled {@code source}).
 *
 * @param name        the kamelet's name, e.g. {@code opd-sql-source}
 * @param title       its title
 * @param description what it does
 * @param parameters  its parameters in declaration order
 */
public record SourceTemplate(String name, String title, String description, List<TemplateParameter> parameters) {

    public SourceTemplate {
        parameters = List.copyOf(parameters);
    }

    public Optional<TemplateParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Every problem of a set of parameter values against this template, each naming the parameter: unknown
     * names (usually a typo that would silently fall back to a default), missing required ones, wrong types.
     */
    public List<String> problems(Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        for (String given : values.keySet()) {
            if (parameter(given).isEmpty()) {
                problems.add("parameter '" + given + "' is not a parameter of " + name);
            }
        }
        for (TemplateParameter p : parameters) {
            String problem = p.problemWith(values.get(p.name()));
            if (problem != null) {
                problems.add("parameter '" + p.name() + "' " + problem);
            }
        }
        return problems;
    }
}
