package id.ossgateway.source.file;

import java.nio.charset.Charset;
import java.util.Locale;

/**
 * How to read one dropped file: the kamelet's parameters.
 *
 * @param delimiter     CSV field delimiter
 * @param charset       text encoding of CSV and JSON, and of XML files that do not declare their own
 * @param batchSize     records per hand-over to the gateway
 * @param recordElement XML element that holds one record, compared in lower case
 */
record DropOptions(char delimiter, Charset charset, int batchSize, String recordElement) {

    DropOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        recordElement = recordElement.toLowerCase(Locale.ROOT);
    }
}
