package id.ossgateway.pia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NPWP is 15 digits (before 2024) or 16 (since). In the guide's field list the only request towards OSS
 * that carries one is {@code inqueryNIB} ({@code INQUERYNIB.npwp}); the three delivered documents carry none.
 */
class NpwpRuleTest {

    private static final PiaSchemas SCHEMAS = PiaSchemas.published();

    @ParameterizedTest(name = "npwp = {0}")
    @ValueSource(strings = {"012345678901000", "0012345678901000", "3174015505900001"})
    void fifteenOrSixteenDigitsAreAccepted(String npwp) {
        assertThat(SCHEMAS.validate("inqueryNIB", inqueryNib(npwp))).isEmpty();
    }

    @ParameterizedTest(name = "npwp = {0}")
    @ValueSource(strings = {"01234567890100", "01234567890100011", "01.234.567.8-901.000", "01234567890100A",
            "ABCDEFGHIJKLMNO", "０１２３４５６７８９０１０００"})
    void otherLengthsLettersAndPunctuationAreRefusedNamingTheFieldAndTheRule(String npwp) {
        List<Violation> violations = SCHEMAS.validate("inqueryNIB", inqueryNib(npwp));

        assertThat(violations).extracting(Violation::field, Violation::rule).contains(tuple("npwp", "pattern"));
        assertThat(violations).filteredOn(v -> v.rule().equals("pattern")).singleElement()
                .extracting(Violation::message).isEqualTo("must be NPWP: 15 or 16 digits, without dots or dashes");
        assertThat(violations.toString()).doesNotContain(npwp); // a tax id is personal data
    }

    @Test
    void seventeenDigitsAlsoBreakTheLength() {
        assertThat(SCHEMAS.validate("inqueryNIB", inqueryNib("01234567890100011")))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("npwp", "maxLength"), tuple("npwp", "pattern"));
    }

    @Test
    void theGeneratedSchemaCarriesTheRuleAndTheDeliveredDocumentsHaveNoNpwp() throws Exception {
        assertThat(SCHEMAS.validate("inqueryNIB", inqueryNib(null))).isEmpty(); // optional, as in the guide
        JsonNode npwp;
        try (var in = PiaSchemas.class.getResourceAsStream("/pia/schema/inqueryNIB.schema.json")) {
            npwp = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in)
                    .at("/properties/INQUERYNIB/properties/npwp");
        }
        assertThat(npwp.path("pattern").asText()).isEqualTo("^[0-9]{15,16}$");
        assertThat(npwp.path("maxLength").asInt()).isEqualTo(16); // declared string(16) here, string(15) elsewhere
        for (PiaMethod method : List.of(PiaMethod.RECEIVE_LICENSE_STATUS, PiaMethod.RECEIVE_LICENSE,
                PiaMethod.UPDATE_LICENSE)) {
            assertThat(PiaSchemas.fieldNames(method)).noneMatch(f -> f.contains("npwp"));
        }
    }

    private static ObjectNode inqueryNib(String npwp) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode fields = body.putObject("INQUERYNIB").put("nib", "9120301234567");
        if (npwp != null) {
            fields.put("npwp", npwp);
        }
        return body;
    }
}
