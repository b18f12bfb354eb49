package id.ossgateway.source.file;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the records of one file format from a stream, one at a time, into {@link Batches}; never the whole
 * file at once. A reader that meets a broken file throws: the records before the break are already in
 * {@code batches} and are still handed over.
 */
interface RecordReader {

    void read(InputStream in, String fileName, DropOptions options, Batches batches) throws IOException;
}
