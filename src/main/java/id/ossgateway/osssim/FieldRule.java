package id.ossgateway.osssim;

/**
 * One request field of the guide's field list ({@code fields.tsv}): its dotted path including the
 * wrapper ({@code IZINSTATUS.data_pnbp.tgl_billing}), what kind of JSON value it takes, its maximum
 * length (characters for text, integer digits for numbers; 0 when unbounded), whether it is required,
 * and the format it must have beyond that, if any.
 */
record FieldRule(String path, Kind kind, int maxLength, boolean required, FieldFormat format) {

    /** The JSON value a declared type asks for. */
    enum Kind { OBJECT, TEXT, NUMBER, BOOLEAN }

    /** Reads a row's type ({@code String(13)}, {@code number(20.0)}, {@code Date(10)}, {@code text}, ...). */
    static FieldRule of(String path, String type, String presence, int lengthCorrection) {
        String t = type.trim();
        String lower = t.toLowerCase();
        Kind kind;
        int length = 0;
        FieldFormat format = FieldFormat.BY_FIELD.get(leafOf(path));
        if (lower.equals("object")) {
            kind = Kind.OBJECT;
        } else if (lower.equals("boolean")) {
            kind = Kind.BOOLEAN;
        } else if (lower.equals("text")) {
            kind = Kind.TEXT;
        } else if (lower.matches("(string|date)\\(\\d+\\)")) {
            kind = Kind.TEXT;
            length = size(t);
            format = lower.startsWith("date") && format == null ? FieldFormat.DATE : format;
        } else if (lower.matches("number\\(\\d+(\\.\\d+)?\\)")) {
            kind = Kind.NUMBER;
            length = size(t);
        } else {
            // a type this simulator does not know must stop it, not let fields through unchecked
            throw new IllegalArgumentException("unknown type '" + type + "' of " + path);
        }
        return new FieldRule(path, kind, lengthCorrection > 0 ? lengthCorrection : length,
                "required".equalsIgnoreCase(presence.trim()), format);
    }

    /** The path of the object that holds this field; empty for the wrapper itself. */
    String parent() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /** The field's own name. */
    String leaf() {
        return leafOf(path);
    }

    private static String leafOf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static int size(String type) {
        String inside = type.substring(type.indexOf('(') + 1, type.indexOf(')'));
        int dot = inside.indexOf('.');
        return Integer.parseInt(dot < 0 ? inside : inside.substring(0, dot));
    }
}
