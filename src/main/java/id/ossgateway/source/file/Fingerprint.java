package id.ossgateway.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two drops the same file: name, size and SHA-256 of the content. OPDs reuse names such as
 * {@code export.csv}, so the name alone says nothing.
 */
record Fingerprint(String name, long size, String sha256) {

    /** Reads a local file once, as a stream, to take its fingerprint. */
    static Fingerprint of(String name, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return copy(name, in, OutputStream.nullOutputStream());
        }
    }

    /** Copies a stream to {@code out} and takes the fingerprint of what passed, in the same read. */
    static Fingerprint copy(String name, InputStream in, OutputStream out) throws IOException {
        MessageDigest sha = newDigest();
        long size = new DigestInputStream(in, sha).transferTo(out);
        return new Fingerprint(name, size, HexFormat.of().formatHex(sha.digest()));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
