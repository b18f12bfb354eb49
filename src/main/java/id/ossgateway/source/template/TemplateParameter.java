package id.ossgateway.source.template;

/**
 * One parameter of a source template, as its kamelet declares it.
 *
 * @param name         the parameter's name ({@code jdbcUrl})
 * @param title        short label for forms
 * @param description  what it is for
 * @param type         JSON-schema type: string, integer, boolean
 * @param required     must be given
 * @param secret       a credential ({@code format: password}): never shown back, never logged
 * @param defaultValue the kamelet's default, or null
 */
public record TemplateParameter(
        String name, String title, String description, String type, boolean required, boolean secret,
        String defaultValue) {

    /** Why {@code value} does not fit this parameter, or null when it does. */
    String problemWith(String value) {
        if (value == null || value.isBlank()) {
            return required ? "is required" : null;
        }
        return switch (type) {
            case "integer" -> value.matches("-?\\d{1,18}") ? null : "must be a whole number, got '" + shown(value) + "'";
            case "boolean" -> value.equals("true") || value.equals("false") ? null : "must be true or false";
            default -> null;
        };
    }

    private String shown(String value) {
        return secret ? "***" : value;
    }
}
