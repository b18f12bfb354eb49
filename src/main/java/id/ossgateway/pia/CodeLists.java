package id.ossgateway.pia;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The PIA code lists (Lampiran 1-31), read from the copy of {@code codes.tsv} on the classpath. */
public final class CodeLists {

    /** Lampiran 9: response codes. */
    public static final int RESPONSE_CODES = 9;
    /** Lampiran 10: permit status codes. */
    public static final int PERMIT_STATUS = 10;

    private static final CodeLists PIA = load("/pia/codes.tsv");

    private final Map<Integer, Map<String, String>> lists;

    private CodeLists(Map<Integer, Map<String, String>> lists) {
        this.lists = lists;
    }

    /** The lists as published with PIA 4.3.22. */
    public static CodeLists pia() {
        return PIA;
    }

    /** Code to label of one Lampiran, in the guide's order; empty when the Lampiran is unknown. */
    public Map<String, String> list(int lampiran) {
        return lists.getOrDefault(lampiran, Map.of());
    }

    public Optional<String> label(int lampiran, String code) {
        return Optional.ofNullable(list(lampiran).get(code));
    }

    private static CodeLists load(String resource) {
        Map<Integer, Map<String, String>> lists = new LinkedHashMap<>();
        try (InputStream in = CodeLists.class.getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine(); // header: lampiran, title, code, label, description
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cols = line.split("\t", -1);
                if (cols.length < 4 || cols[0].isBlank()) {
                    continue;
                }
                lists.computeIfAbsent(Integer.parseInt(cols[0].trim()), k -> new LinkedHashMap<>())
                        .put(cols[2].trim(), cols[3].trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        lists.replaceAll((k, v) -> Collections.unmodifiableMap(v));
        return new CodeLists(Collections.unmodifiableMap(lists));
    }
}
