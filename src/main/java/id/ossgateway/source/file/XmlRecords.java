package id.ossgateway.source.file;

import id.ossgateway.envelope.SourceRef;
import id.ossgateway.source.SourceRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML: every element named {@link DropOptions#recordElement()} (at any depth) is one record; its attributes, the
 * attributes of its descendants and the text of its leaf elements are the fields, names lower-cased (a leaf
 * without text is null). Read with StAX event by event, so only the current record is in memory. The
 * encoding is the one the XML declaration (or a BOM) names, else the configured one.
 *
 * <p>A file with a DOCTYPE is refused before anything in it is resolved: DTDs and external entities are off
 * (XXE, "billion laughs"), and the resolver refuses too, should a parser ever ask it anyway.
 */
final class XmlRecords implements RecordReader {

    private static final XMLInputFactory FACTORY = factory();
    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*encoding\\s*=", Pattern.DOTALL);

    @Override
    public void read(InputStream in, String fileName, DropOptions options, Batches batches) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        XMLStreamReader xml = null;
        try {
            xml = declaresEncoding(buffered) ? FACTORY.createXMLStreamReader(buffered)
                    : FACTORY.createXMLStreamReader(buffered, options.charset().name());
            readRecords(xml, fileName, options.recordElement(), batches);
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
            throw new IOException("XML broken" + where + ": " + e.getMessage(), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // the stream itself is closed by the caller
                }
            }
        }
    }

    private static void readRecords(XMLStreamReader xml, String fileName, String recordElement, Batches batches)
            throws XMLStreamException, IOException {
        Map<String, Object> fields = null;
        int depth = 0;
        String leaf = null;
        StringBuilder text = new StringBuilder();
        long line = 0;
        while (xml.hasNext()) {
            switch (xml.next()) {
                case XMLStreamConstants.DTD -> throw new IOException(
                        "refused: the file has a DOCTYPE; DTDs and entities are not allowed in XML drops");
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = xml.getLocalName().toLowerCase(Locale.ROOT);
                    if (fields == null && name.equals(recordElement)) {
                        fields = new LinkedHashMap<>();
                        line = xml.getLocation().getLineNumber();
                        depth = 0;
                    } else if (fields != null) {
                        depth++;
                        leaf = name;
                        text.setLength(0);
                    }
                    if (fields != null) {
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            fields.put(xml.getAttributeLocalName(i).toLowerCase(Locale.ROOT), xml.getAttributeValue(i));
                        }
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (leaf != null) {
                        text.append(xml.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (fields == null) {
                        continue;
                    }
                    if (depth == 0) {
                        batches.add(new SourceRecord(SourceRef.line(fileName, line), fields), line);
                        fields = null;
                    } else {
                        if (leaf != null) { // closes the element last opened: a leaf
                            String value = text.toString().strip();
                            fields.put(leaf, value.isEmpty() ? null : value);
                            leaf = null;
                        }
                        depth--;
                    }
                }
                default -> {
                    // comments, processing instructions, whitespace between records
                }
            }
        }
    }

    /** Whether the file names its own encoding (a BOM or {@code <?xml ... encoding="..."?>}). */
    private static boolean declaresEncoding(BufferedInputStream in) throws IOException {
        in.mark(512);
        byte[] head = in.readNBytes(512);
        in.reset();
        if (head.length >= 2 && ((head[0] == (byte) 0xEF && head[1] == (byte) 0xBB)
                || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            return true;
        }
        return DECLARED.matcher(new String(head, StandardCharsets.ISO_8859_1)).find();
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("refused to resolve " + systemId + ": external entities are not allowed");
        });
        return f;
    }
}
