package id.ossgateway.source.rest;

/**
 * A poll that cannot go on: the message is the reason operators see in health and the log, so it names the
 * status, content type and URL (without credentials), never a secret.
 */
class RestPullFailure extends RuntimeException {

    RestPullFailure(String reason) {
        super(reason);
    }
}
