package id.ossgateway.osssim;

import com.fasterxml.jackson.databind.JsonNode;
import id.ossgateway.osssim.FieldRule.Kind;
import id.ossgateway.pia.CodeLists;
import id.ossgateway.pia.PiaMethod;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a request body against the guide's field list ({@code /pia/fields.tsv}, direction request),
 * with its own code rather than the gateway's JSON Schemas, so that the simulator is an independent
 * check of what the gateway sends. Reports every problem of a body at once, each naming the field and
 * never echoing the value (bodies carry personal data).
 */
final class FieldRules {

    /** Where the simulator departs from a declared length, each with its reason. */
    private record Correction(int maxLength, String reason) {
    }

    private static final Map<String, Correction> LENGTH_CORRECTIONS = Map.of(
            "IZINSTATUS.tgl_status", new Correction(19,
                    "declared String(18), but its own format YYYY-MM-DD HH:MM:SS has 19 characters"),
            "CHECKLICENSESTATUS.id_izin", new Correction(25,
                    "declared string(13), but it is the same id_izin that is String(25) in IZINSTATUS and IZINFINAL"
                            + " and real ones (I-20211118160441053XXXX) are longer than 13"));

    private static final String NUMERIC = "-?\\d+(\\.\\d+)?";

    private final Map<PiaMethod, Map<String, FieldRule>> rules;
    private final Set<String> statusCodes;
    private final boolean issuedIdentifiers;

    FieldRules(Map<PiaMethod, Map<String, FieldRule>> rules, Set<String> statusCodes, boolean issuedIdentifiers) {
        this.rules = rules;
        this.statusCodes = statusCodes;
        this.issuedIdentifiers = issuedIdentifiers;
    }

    /** The rules of the guide's field list, accepting Lampiran 10 status codes plus {@code extraStatusCodes}. */
    static FieldRules load(Collection<String> extraStatusCodes) {
        return load(extraStatusCodes, true);
    }

    /**
     * @param issuedIdentifiers whether {@code id_izin}, {@code id_proyek} and {@code oss_id} must look like the
     *                          identifiers OSS issues ({@code gateway.osssim.check-issued-identifiers}, default true)
     */
    static FieldRules load(Collection<String> extraStatusCodes, boolean issuedIdentifiers) {
        Set<String> codes = new LinkedHashSet<>(CodeLists.pia().list(CodeLists.PERMIT_STATUS).keySet());
        codes.addAll(extraStatusCodes);
        return new FieldRules(read("/pia/fields.tsv"), Collections.unmodifiableSet(codes), issuedIdentifiers);
    }

    /** The declared request fields of a method, by dotted path, in the guide's order. */
    Map<String, FieldRule> of(PiaMethod method) {
        return rules.getOrDefault(method, Map.of());
    }

    /** Every problem of a body, as {@code "IZINSTATUS.nib: harus 13 digit"}; empty when it is valid. */
    List<String> validate(PiaMethod method, JsonNode body) {
        if (body == null || !body.isObject()) {
            return List.of("body: harus berupa objek JSON {\"" + method.wrapper() + "\": {...}}");
        }
        Map<String, FieldRule> declared = of(method);
        List<String> problems = new ArrayList<>();
        for (FieldRule rule : declared.values()) {
            JsonNode parent = rule.parent().isEmpty() ? body : body.at("/" + rule.parent().replace('.', '/'));
            if (parent.isObject()) { // when the parent itself is missing or no object, its own rule says so
                problem(rule, parent.get(rule.leaf())).ifPresent(p -> problems.add(rule.path() + ": " + p));
            }
        }
        unknownFields(body, "", declared, problems);
        return problems;
    }

    private Optional<String> problem(FieldRule rule, JsonNode value) {
        if (value == null || value.isNull()) {
            return rule.required() ? Optional.of("wajib diisi") : Optional.empty();
        }
        return switch (rule.kind()) {
            case OBJECT -> value.isObject() ? Optional.empty() : Optional.of("harus berupa objek");
            case BOOLEAN -> value.isBoolean() ? Optional.empty() : Optional.of("harus berupa boolean (true/false)");
            case NUMBER -> numberProblem(rule, value);
            case TEXT -> textProblem(rule, value);
        };
    }

    private Optional<String> textProblem(FieldRule rule, JsonNode value) {
        if (!value.isTextual()) {
            return Optional.of("harus berupa teks (string)");
        }
        String text = value.textValue();
        if (text.isBlank()) {
            return rule.required() ? Optional.of("wajib diisi") : Optional.empty();
        }
        int length = text.codePointCount(0, text.length());
        if (rule.maxLength() > 0 && length > rule.maxLength()) {
            return Optional.of("panjang " + length + " karakter, maksimal " + rule.maxLength());
        }
        boolean checked = rule.format() != null && (issuedIdentifiers || !rule.format().isIssuedIdentifier());
        if (checked && !rule.format().accepts(text, statusCodes)) {
            return Optional.of(rule.format().problem());
        }
        return Optional.empty();
    }

    private Optional<String> numberProblem(FieldRule rule, JsonNode value) {
        BigDecimal number;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isTextual() && value.textValue().isBlank()) {
            return rule.required() ? Optional.of("wajib diisi") : Optional.empty();
        } else if (value.isTextual() && value.textValue().trim().matches(NUMERIC)) {
            number = new BigDecimal(value.textValue().trim());
        } else {
            return Optional.of("harus berupa angka");
        }
        int digits = number.abs().toBigInteger().toString().length();
        return rule.maxLength() > 0 && digits > rule.maxLength()
                ? Optional.of(digits + " digit, maksimal " + rule.maxLength()) : Optional.empty();
    }

    private static void unknownFields(JsonNode object, String prefix, Map<String, FieldRule> declared,
                                      List<String> problems) {
        object.fields().forEachRemaining(field -> {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            FieldRule rule = declared.get(path);
            if (rule == null) {
                problems.add(path + ": field tidak dikenal");
            } else if (rule.kind() == Kind.OBJECT && field.getValue().isObject()) {
                unknownFields(field.getValue(), path, declared, problems);
            }
        });
    }

    private static Map<PiaMethod, Map<String, FieldRule>> read(String resource) {
        Map<PiaMethod, Map<String, FieldRule>> rules = new EnumMap<>(PiaMethod.class);
        try (InputStream in = FieldRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header: endpoint, direction, field, type, presence
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cols = line.split("\t", -1);
                if (cols.length < 5 || !"request".equals(cols[1].trim())) {
                    continue;
                }
                Optional<PiaMethod> method = PiaMethod.fromPath(cols[0].trim().replaceFirst("^/", ""));
                if (method.isPresent()) {
                    String path = cols[2].trim();
                    Correction correction = LENGTH_CORRECTIONS.get(path);
                    FieldRule rule = FieldRule.of(path, cols[3], cols[4], correction == null ? 0 : correction.maxLength());
                    rules.computeIfAbsent(method.get(), m -> new LinkedHashMap<>()).put(path, rule);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        rules.replaceAll((method, fields) -> Collections.unmodifiableMap(fields));
        return Collections.unmodifiableMap(rules);
    }
}
