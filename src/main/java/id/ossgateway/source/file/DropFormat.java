package id.ossgateway.source.file;

import java.util.Locale;

/** The formats a drop may come in, told apart by the file's extension (the kamelet only picks up these). */
enum DropFormat {
    CSV(new CsvRecords()),
    JSON(new JsonRecords()),
    XML(new XmlRecords());

    private final RecordReader reader;

    DropFormat(RecordReader reader) {
        this.reader = reader;
    }

    RecordReader reader() {
        return reader;
    }

    /** The format of a file by its name; anything that is not .json or .xml is read as CSV. */
    static DropFormat of(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return JSON;
        }
        return name.endsWith(".xml") ? XML : CSV;
    }
}
