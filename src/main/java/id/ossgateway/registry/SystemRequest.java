package id.ossgateway.registry;

import java.util.Map;

/**
 * What a client sends to register or change a system. On a change, null fields stay as they were; in
 * {@code secrets} a name with an empty value removes that credential and absent names keep theirs.
 */
public record SystemRequest(String id, String opdCode, String name, SystemKind kind, Map<String, String> settings,
                            Map<String, String> secrets, Long scheduleMs) {
}
