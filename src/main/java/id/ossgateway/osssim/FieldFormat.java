package id.ossgateway.osssim;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Set;

/**
 * The formats the guide states in prose rather than in the field list (NIB digits, calendar dates,
 * Lampiran 10 status codes), each with the message a refused value gets. Which field has which format
 * is data ({@link #BY_FIELD}), keyed by the field's own name because it means the same in every method.
 */
enum FieldFormat {

    NIB("harus 13 digit") {
        @Override
        boolean accepts(String value, Set<String> statusCodes) {
            return value.matches("\\d{13}");
        }
    },
    DATE("bukan tanggal yang valid (YYYY-MM-DD)") {
        @Override
        boolean accepts(String value, Set<String> statusCodes) {
            return value.matches("\\d{4}-\\d{2}-\\d{2}") && parses(() -> LocalDate.parse(value, DAY));
        }
    },
    DATE_TIME("bukan tanggal yang valid (YYYY-MM-DD HH:MM:SS)") {
        @Override
        boolean accepts(String value, Set<String> statusCodes) {
            return value.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")
                    && parses(() -> LocalDateTime.parse(value, DAY_TIME));
        }
    },
    STATUS_CODE("bukan kode status izin yang dikenal (Lampiran 10)") {
        @Override
        boolean accepts(String value, Set<String> statusCodes) {
            return statusCodes.contains(value);
        }
    },
    /**
     * Identifiers OSS issues: "-", a local application number or any made-up value is refused, as OSS does.
     * Seam: once the gateway receives OSS's NIB pushes (receiveNIB, with data_checklist.id_izin), a status for an
     * id_izin OSS never issued is refused too — by checking it against the pushed checklist here, in
     * {@link FieldRules}, where the value is known to have this shape.
     */
    ID_IZIN("bukan id_izin yang diterbitkan OSS (I-...)") {
        @Override
        boolean accepts(String value, Set<String> statusCodes) {
            return value.matches("I-[A-Za-z0-9][A-Za-z0-9-]*");
        }
    },
    ID_PROYEK("bukan id_proyek yang diterbitkan OSS (R-...)") {
        @Override
        boolean accepts(String value, Set<String> statusCodes) {
            return value.matches("R-[A-Za-z0-9][A-Za-z0-9-]*");
        }
    },
    OSS_ID("bukan oss_id yang diterbitkan OSS (P-... atau P02-...)") {
        @Override
        boolean accepts(String value, Set<String> statusCodes) {
            return value.matches("P(02)?-[A-Za-z0-9][A-Za-z0-9-]*");
        }
    };

    /** Field name to format, wherever the field sits (IZINSTATUS, IZINFINAL, data_pnbp). */
    static final Map<String, FieldFormat> BY_FIELD = Map.ofEntries(
            Map.entry("nib", NIB),
            Map.entry("tgl_terbit_izin", DATE),
            Map.entry("tgl_berlaku_izin", DATE),
            Map.entry("tgl_billing", DATE),
            Map.entry("tgl_expire", DATE),
            Map.entry("tgl_status", DATE_TIME),
            Map.entry("kd_status", STATUS_CODE),
            Map.entry("status_izin", STATUS_CODE),
            Map.entry("id_izin", ID_IZIN),
            Map.entry("id_proyek", ID_PROYEK),
            Map.entry("oss_id", OSS_ID));

    /** Whether this format is one of the identifiers OSS issues (see {@link FieldRules#load}). */
    boolean isIssuedIdentifier() {
        return this == ID_IZIN || this == ID_PROYEK || this == OSS_ID;
    }

    // STRICT so that 2024-02-31 is refused instead of being rolled back to 2024-02-29
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private final String problem;

    FieldFormat(String problem) {
        this.problem = problem;
    }

    /** What is wrong with a value that is not in this format. */
    String problem() {
        return problem;
    }

    abstract boolean accepts(String value, Set<String> statusCodes);

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
