package id.ossgateway.delivery;

import id.ossgateway.envelope.Envelope;
import id.ossgateway.envelope.EnvelopeCodec;
import id.ossgateway.pia.PiaReply;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * OSS as a destination: POST {@code {gateway.oss.base-url}/{method}} with the {@code user_key}, a PIA reply
 * read by its {@code kode}, and {@code checkLicenseStatus} to settle an attempt whose outcome is unknown.
 */
@Component
class OssDestination implements Destination {

    private final OssProperties oss;
    private final OssHttp http;
    private final OssQueries queries;
    private final OssCircuit circuit;
    private final AttemptStore attempts;

    OssDestination(OssProperties oss, OssHttp http, OssQueries queries, OssCircuit circuit, AttemptStore attempts) {
        this.oss = oss;
        this.http = http;
        this.queries = queries;
        this.circuit = circuit;
        this.attempts = attempts;
    }

    @Override
    public String name() {
        return "OSS";
    }

    @Override
    public DestinationCircuit circuit() {
        return circuit;
    }

    @Override
    public Accepted deliver(Envelope e) throws IOException {
        OssHttp.Reply reply = http.post(oss.url(e.method().path()), EnvelopeCodec.documentBytes(e));
        PiaReply pia = PiaReply.parse(reply.status(), reply.body());
        if (pia.isSuccess() && pia.kode() != null) {
            return new Accepted(reply.status(), pia.kode(), pia.keterangan(), pia.nomorIzin());
        }
        int code = pia.effectiveCode();
        if (isRefusal(code)) {
            throw new OssRejectedException(reply.status(), pia.kode(), pia.keterangan());
        }
        // a 2xx without a PIA reply may or may not have been taken: unknown, to be checked before resending
        boolean unknown = reply.status() >= 200 && reply.status() < 300;
        String keterangan = pia.kode() == null && unknown ? "reply is not a PIA reply: "
                + (pia.keterangan() == null ? "" : pia.keterangan()) : pia.keterangan();
        throw new OssTransientException(reply.status(), pia.kode(), keterangan,
                RetryDelays.parseRetryAfter(reply.retryAfter(), ZonedDateTime.now()));
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
