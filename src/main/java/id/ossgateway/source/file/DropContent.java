package id.ossgateway.source.file;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.component.file.GenericFile;

/**
 * The dropped file as a local file with its fingerprint, taken before any record is read (a duplicate must be
 * recognised before anything of it is handed over).
 *
 * <p>Why a local file: the records are read after the fingerprint, so the content is needed twice. A local file
 * ({@code file:}, or FTP/SFTP with {@code localWorkDirectory}) is simply read twice, both times as a stream;
 * the second read mostly comes from the page cache. A remote stream ({@code streamDownload=true}) cannot be
 * read twice, and a body Camel already holds in memory (FTP/SFTP without either option) should not be kept
 * longer than needed: both are copied once to a temporary file, the SHA-256 taken on the way through, and
 * the records read from that copy. The remote side is thus never read twice.
 *
 * @param file        where to read the records from
 * @param fingerprint name, size and SHA-256 of the content
 * @param temporary   whether {@code file} is a copy to delete after reading
 */
record DropContent(Path file, Fingerprint fingerprint, boolean temporary) {

    static DropContent of(Exchange exchange, String name) throws IOException, InvalidPayloadException {
        Object body = exchange.getIn().getBody();
        if (body instanceof GenericFile<?> generic && generic.getBody() instanceof File local) {
            Path path = local.toPath();
            return new DropContent(path, Fingerprint.of(name, path), false);
        }
        Path copy = Files.createTempFile("drop-", ".part");
        try (InputStream in = exchange.getIn().getMandatoryBody(InputStream.class);
             OutputStream out = Files.newOutputStream(copy)) {
            return new DropContent(copy, Fingerprint.copy(name, in, out), true);
        } catch (IOException | InvalidPayloadException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    void discard() throws IOException {
        if (temporary) {
            Files.deleteIfExists(file);
        }
    }
}
