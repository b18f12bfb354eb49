package id.ossgateway.source.file;

import id.ossgateway.source.IngestResult;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code <file>.result.txt} the OPD finds next to its file: one line per record ({@code line;status;id;detail})
 * and a last line when the file failed or was a duplicate. Written to a file as it goes, not kept in memory:
 * a 100 MB drop has hundreds of thousands of lines.
 */
final class DropReport implements Closeable {

    static final String HEADER = "line;status;id;detail";

    private final Path file;
    private final Writer out;
    private final long[] counts = new long[IngestResult.Kind.values().length];

    DropReport(Path file) throws IOException {
        this.file = file;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write(HEADER + "\n");
    }

    Path file() {
        return file;
    }

    void outcome(long position, IngestResult.Outcome o) throws IOException {
        counts[o.kind().ordinal()]++;
        // a record whose document the gateway already holds: DUPLIKAT, with the message it duplicates as id
        line(String.valueOf(position), o.kind() == IngestResult.Kind.DUPLICATE ? "DUPLIKAT" : o.kind().name(), o.id(),
                o.detail());
    }

    void failed(String reason) throws IOException {
        line("-", "FAILED", null, reason);
    }

    void duplicate(String detail) throws IOException {
        line("-", "DUPLICATE", null, detail);
    }

    long count(IngestResult.Kind kind) {
        return counts[kind.ordinal()];
    }

    long records() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    private void line(String position, String status, String id, String detail) throws IOException {
        out.write(position + ';' + status + ';' + (id == null ? "" : id) + ';' + (detail == null ? "" : clean(detail))
                + '\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    static String clean(String text) {
        return text.replace('\n', ' ').replace('\r', ' ').replace(';', ',');
    }
}
