package id.ossgateway.delivery;

import id.ossgateway.envelope.Envelope;
import id.ossgateway.pia.PiaReply;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * OSS as a destination: POST {@code {gateway.oss.base-url}/{method}} with the {@code user_key}, a PIA reply
 * read by its {@code kode}, and {@code checkLicenseStatus} to settle an attempt whose outcome is unknown.
 */
@Component
class OssDestination implements Destination {

    static final String PIA_PATH = "gatewayPiaPath";

    private final OssProperties oss;
    private final OssCredentials credentials;
    private final OssQueries queries;
    private final OssCircuit circuit;
    private final AttemptStore attempts;

    OssDestination(OssProperties oss, OssCredentials credentials, OssQueries queries, OssCircuit circuit,
                   AttemptStore attempts) {
        this.oss = oss;
        this.credentials = credentials;
        this.queries = queries;
        this.circuit = circuit;
        this.attempts = attempts;
    }

    @Override
    public String name() {
        return "OSS";
    }

    @Override
    public String endpointUri() {
        return "{{gateway.oss.base-url}}/${exchangeProperty." + PIA_PATH + "}"
                + "?throwExceptionOnFailure=false&followRedirects=false"
                + "&connectTimeout=" + oss.connectTimeout().toMillis()
                + "&connectionRequestTimeout=" + oss.connectTimeout().toMillis()
                + "&responseTimeout=" + oss.responseTimeout().toMillis()
                + "&soTimeout=" + oss.responseTimeout().toMillis()
                + "&maxTotalConnections=" + oss.maxConnections()
                + "&connectionsPerRoute=" + oss.maxConnections();
    }

    @Override
    public DestinationCircuit circuit() {
        return circuit;
    }

    @Override
    public void prepare(Message request, Envelope e) {
        request.getExchange().setProperty(PIA_PATH, e.method().path());
        request.setHeader(Exchange.HTTP_METHOD, "POST");
        request.setHeader(Exchange.CONTENT_TYPE, "application/json");
        request.setHeader("Accept", "application/json");
        request.setHeader("user_key", credentials.userKey());
        request.setBody(e.document().toString());
    }

    @Override
    public Accepted read(Message reply, Envelope e) {
        int status = reply.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        PiaReply pia = PiaReply.parse(status, reply.getBody(String.class));
        if (pia.isSuccess() && pia.kode() != null) {
            return new Accepted(status, pia.kode(), pia.keterangan(), pia.nomorIzin());
        }
        int code = pia.effectiveCode();
        if (isRefusal(code)) {
            throw new OssRejectedException(status, pia.kode(), pia.keterangan());
        }
        // a 2xx without a PIA reply may or may not have been taken: unknown, to be checked before resending
        boolean unknown = status >= 200 && status < 300;
        String keterangan = pia.kode() == null && unknown ? "reply is not a PIA reply: "
                + (pia.keterangan() == null ? "" : pia.keterangan()) : pia.keterangan();
        throw new OssTransientException(status, pia.kode(), keterangan,
                RetryDelays.parseRetryAfter(reply.getHeader("Retry-After", String.class), ZonedDateTime.now()));
    }

    /** 400, 401, 403, 404, 405 and the other 4xx and 3xx: the same request cannot succeed later. */
    static boolean isRefusal(int code) {
        return code >= 300 && code < 500 && code != 408 && code != 429;
    }

    /**
     * OSS has the document if it now holds its status, unless an earlier document of the same permit carried
     * the same status: then the check cannot tell them apart, and resending is the safe side.
     */
    @Override
    public Confirmation confirm(Envelope e) {
        Optional<String> current = queries.currentStatus(e.businessKey());
        boolean has = current.isPresent() && current.get().equals(e.statusCode())
                && !attempts.otherDeliveredWithStatus(e);
        return new Confirmation(has, "checkLicenseStatus: OSS holds status " + current.orElse("none") + " for "
                + e.businessKey());
    }
}
