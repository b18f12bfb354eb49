package id.ossgateway.registry.check;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLTimeoutException;
import java.util.Optional;

/** Turns the network failures every client shares into a verdict that names host and port. */
final class NetworkErrors {

    private NetworkErrors() {
    }

    /** A verdict when {@code error} or one of its causes is a timeout or an unreachable host. */
    static Optional<Verdict> verdict(Throwable error, String what, String host, int port, int timeoutSeconds) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof SQLTimeoutException
                    || t instanceof InterruptedIOException
                    || (t instanceof ConnectException && String.valueOf(t.getMessage()).contains("timed out"))) {
                return Optional.of(timeout(what, host, port, timeoutSeconds));
            }
            if (t instanceof UnknownHostException) {
                return Optional.of(unknownHost(host));
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof PortUnreachableException) {
                return Optional.of(Verdict.failed(VerdictCode.HOST_UNREACHABLE, "Could not connect to the " + what
                        + " at " + host + " port " + port + " (" + reason(t) + "); check the host, the port and"
                        + " that the OPD's firewall lets the gateway in."));
            }
        }
        return Optional.empty();
    }

    static Verdict timeout(String what, String host, int port, int timeoutSeconds) {
        return Verdict.failed(VerdictCode.TIMEOUT, "The " + what + " at " + host + " port " + port
                + " did not answer within " + timeoutSeconds + " seconds; a firewall may be dropping the"
                + " gateway's connection, or the server is overloaded.");
    }

    static Verdict unknownHost(String host) {
        return Verdict.failed(VerdictCode.HOST_UNREACHABLE, "Host '" + host + "' was not found in DNS; check the"
                + " spelling of the host setting.");
    }

    private static String reason(Throwable t) {
        if (t instanceof NoRouteToHostException) {
            return "no route to host";
        }
        return t instanceof ConnectException ? "connection refused" : "port unreachable";
    }
}
