package id.ossgateway.osssim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The code lists getDataReferensi serves, with the description column that
 * {@link id.ossgateway.pia.CodeLists} leaves out (it becomes {@code keterangan_referensi}).
 */
final class ReferenceLists {

    /** One row of a Lampiran, named as getDataReferensi names them. */
    record Entry(String kode_referensi, String uraian_referensi, String keterangan_referensi) {
    }

    private final Map<Integer, List<Entry>> lists;

    private ReferenceLists(Map<Integer, List<Entry>> lists) {
        this.lists = lists;
    }

    /** The Lampiran as published with PIA 4.3.22 ({@code /pia/codes.tsv}). */
    static ReferenceLists load() {
        String resource = "/pia/codes.tsv";
        Map<Integer, List<Entry>> lists = new LinkedHashMap<>();
        try (InputStream in = ReferenceLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header: lampiran, title, code, label, description
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cols = line.split("\t", -1);
                if (cols.length < 4 || !cols[0].trim().matches("\\d+")) {
                    continue;
                }
                String description = cols.length > 4 ? cols[4].trim() : "";
                lists.computeIfAbsent(Integer.parseInt(cols[0].trim()), k -> new ArrayList<>())
                        .add(new Entry(cols[2].trim(), cols[3].trim(), description));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        lists.replaceAll((k, v) -> List.copyOf(v));
        return new ReferenceLists(Collections.unmodifiableMap(lists));
    }

    /** The entries of a Lampiran given as getDataReferensi's {@code kode} ("10"); empty when there is none. */
    List<Entry> list(String kode) {
        String k = kode == null ? "" : kode.trim();
        return k.matches("\\d{1,3}") ? lists.getOrDefault(Integer.parseInt(k), List.of()) : List.of();
    }
}
