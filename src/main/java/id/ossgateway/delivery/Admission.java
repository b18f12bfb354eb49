package id.ossgateway.delivery;

import java.util.List;

/** The ledger's answer before a POST: send (with the attempt it recorded), skip, or settle an unknown outcome first. */
sealed interface Admission {

    /** Send now: the attempt {@code attemptNo} is recorded; {@code attempts} counted since the message was queued. */
    record Send(int attemptNo, int attempts) implements Admission {
    }

    /** Nothing to send: the destination already has this content, or this message is finished. */
    record Skip(String reason) implements Admission {
    }

    /**
     * Earlier attempts have no known outcome (a crash, a timeout): the destination must be asked before
     * anything is sent again. Nothing was recorded for the next attempt yet.
     */
    record Unresolved(List<Attempt> open, int attempts) implements Admission {
    }
}
