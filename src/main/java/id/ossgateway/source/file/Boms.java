package id.ossgateway.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Byte order marks, looked for before anything is decoded: a file that starts with one is read in the encoding
 * the mark names, whatever the system's configured encoding says. An OPD inbox often mixes a UTF-8 export
 * with a BOM (Excel's "CSV UTF-8") and a windows-1252 one; decoding the first as windows-1252 would turn the
 * BOM into {@code ï»¿} in the first header.
 */
final class Boms {

    private static final byte[] UTF8 = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16BE = {(byte) 0xFE, (byte) 0xFF};
    private static final byte[] UTF16LE = {(byte) 0xFF, (byte) 0xFE};

    /** A stream positioned after the BOM, and the encoding to read it in. */
    record Text(InputStream in, Charset charset) {
    }

    private Boms() {
    }

    static Text detect(InputStream raw, Charset configured) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 3);
        byte[] head = new byte[3];
        int n = in.readNBytes(head, 0, 3);
        if (startsWith(head, n, UTF8)) {
            return new Text(in, StandardCharsets.UTF_8);
        }
        if (startsWith(head, n, UTF16BE) || startsWith(head, n, UTF16LE)) {
            in.unread(head, 2, n - 2);
            return new Text(in, startsWith(head, n, UTF16BE) ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
        }
        in.unread(head, 0, n);
        return new Text(in, configured);
    }

    private static boolean startsWith(byte[] head, int n, byte[] bom) {
        if (n < bom.length) {
            return false;
        }
        for (int i = 0; i < bom.length; i++) {
            if (head[i] != bom[i]) {
                return false;
            }
        }
        return true;
    }
}
