package id.ossgateway.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Whether a mapping names only columns its source has. The columns are what the source gives: the header of
 * a sample file, the keys of sample rows, a table's metadata. A missing one is refused with the list of
 * columns and the nearest name ({@code kolom 'kd_izin' tidak ada; maksud Anda 'kode_izin'?}), in the editor,
 * the API and the build's lint alike.
 */
public final class MappingColumns {

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();

    /** A column a field's {@code source} names that the source does not have. */
    public record Missing(String method, String target, int line, String column, String nearest,
                          List<String> columns) {

        /** The English sentence of the API and the log; the console shows {@code mapping.column.missing}. */
        public String message() {
            return "column '" + column + "' does not exist" + (nearest == null ? "" : "; did you mean '" + nearest + "'?")
                    + " (" + method + "." + target + ", line " + line + "; columns: " + String.join(", ", columns) + ")";
        }
    }

    private MappingColumns() {
    }

    /** The columns of sample rows: every key of every row, in lower case as sources give them. */
    public static List<String> of(Collection<Map<String, Object>> rows) {
        TreeSet<String> names = new TreeSet<>();
        rows.forEach(r -> r.keySet().forEach(k -> names.add(k.toLowerCase(Locale.ROOT))));
        return List.copyOf(names);
    }

    /** Every field of every document whose {@code source} is not among {@code columns}; empty when all are. */
    public static List<Missing> missing(Mapping mapping, Collection<String> columns) {
        List<String> known = columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
        List<Missing> out = new ArrayList<>();
        mapping.documents().forEach((method, fields) -> {
            for (FieldSpec f : fields) {
                if (f.source() != null && !known.contains(f.source().toLowerCase(Locale.ROOT))) {
                    out.add(new Missing(method.path(), f.target(), f.line(), f.source(),
                            nearest(f.source(), known).orElse(null), known));
                }
            }
        });
        return out;
    }

    /**
     * The closest column name, when one is close enough to be a typo (at most a third of the name differs) or an
     * abbreviation ({@code kd_izin} of {@code kode_izin}: every letter in order); abbreviations first, as legacy
     * schemas shorten words more often than they mistype them.
     */
    public static Optional<String> nearest(String name, Collection<String> columns) {
        String n = name.toLowerCase(Locale.ROOT);
        return columns.stream()
                .filter(c -> abbreviates(n, c) || abbreviates(c, n) || DISTANCE.apply(n, c) <= Math.max(2, n.length() / 3))
                .min(Comparator.comparingInt((String c) -> abbreviates(n, c) || abbreviates(c, n) ? 0 : 1)
                        .thenComparingInt(c -> DISTANCE.apply(n, c)).thenComparing(c -> c));
    }

    /** Whether every character of {@code short} appears in {@code long}, in order. */
    private static boolean abbreviates(String shorter, String longer) {
        int i = 0;
        for (int j = 0; i < shorter.length() && j < longer.length(); j++) {
            if (shorter.charAt(i) == longer.charAt(j)) {
                i++;
            }
        }
        return shorter.length() < longer.length() && i == shorter.length();
    }
}
