package id.ossgateway.mapping;

import id.ossgateway.pia.PiaMethod;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One OPD system's mapping, as loaded from {@code mappings/<system>.yaml}.
 *
 * @param system   the source system id the mapping belongs to
 * @param opd      the regional office (OPD) code carried in every envelope
 * @param version  {@code <system>@<first 8 hex of the file's SHA-256>}: which text produced a document
 * @param file     where it was loaded from
 * @param rules    which PIA method a record goes to; the first rule that matches wins
 * @param documents per PIA method, how each field is filled
 * @param lookups  value tables by name
 */
public record Mapping(
        String system,
        String opd,
        String version,
        Path file,
        List<Rule> rules,
        Map<PiaMethod, List<FieldSpec>> documents,
        Map<String, Map<String, String>> lookups) {

    /**
     * A routing rule: when {@code when} holds (or always, when null), the record goes to {@code method},
     * or is skipped with {@code skip} as the stated reason.
     */
    public record Rule(Expression when, PiaMethod method, String skip, int line) {
    }
}
