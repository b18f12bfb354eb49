package id.ossgateway.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ossgateway.pia.PiaMethod;
import id.ossgateway.pia.Violation;
import java.util.List;

/** What became of one source record. */
public sealed interface MappingResult {

    String mappingVersion();

    /** A PIA request body, wrapper included, ready to validate and send. */
    record Mapped(PiaMethod method, ObjectNode document, String mappingVersion) implements MappingResult {
    }

    /** A routing rule said this record is not for OSS. */
    record Skipped(String reason, String mappingVersion) implements MappingResult {
    }

    /** The record cannot become a valid document; every reason at once. */
    record Rejected(PiaMethod method, List<Violation> reasons, String mappingVersion) implements MappingResult {
    }
}
