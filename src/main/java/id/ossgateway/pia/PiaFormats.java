package id.ossgateway.pia;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/** The date formats of the PIA, checked as real calendar dates (31/02 is refused, not rolled over). */
final class PiaFormats {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private PiaFormats() {
    }

    static List<Format> all() {
        return List.of(new Pattern("pia-date", "YYYY-MM-DD", DATE, false),
                new Pattern("pia-datetime", "YYYY-MM-DD HH:MM:SS", DATE_TIME, true));
    }

    private record Pattern(String name, String shape, DateTimeFormatter formatter, boolean withTime) implements Format {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getMessageKey() {
            return "format";
        }

        @Override
        public String getErrorMessageDescription() {
            return "a real date as " + shape;
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            try {
                if (withTime) {
                    LocalDateTime.parse(value, formatter);
                } else {
                    LocalDate.parse(value, formatter);
                }
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
