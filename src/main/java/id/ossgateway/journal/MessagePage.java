package id.ossgateway.journal;

import java.util.List;

/**
 * One page of a journal search, newest first.
 *
 * @param next the {@code before} token of the next page; null on the last page
 */
public record MessagePage(List<StoredMessage> messages, String next) {
}
