package id.ossgateway.console;

import id.ossgateway.registry.SystemKind;
import id.ossgateway.registry.SystemRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The register form as posted: settings as {@code name=value} lines, and one password field per credential
 * name any kind takes (only the selected kind's are sent on; the page hides the others when script runs).
 *
 * @param scheduleMs as typed; empty keeps the registry's default
 */
record SystemForm(String id, String opdCode, String name, SystemKind kind, String scheduleMs, String settings,
                  String password, String secret, String privateKey) {

    static SystemForm empty(String opdCode) {
        return new SystemForm("", opdCode, "", null, "", "", "", "", "");
    }

    /** The credential fields of the form; SystemFormTest checks they are every kind's credential names. */
    static final List<String> CREDENTIALS = List.of("password", "secret", "privateKey");

    /** @throws IllegalArgumentException for a settings line or schedule that cannot be read */
    SystemRequest toRequest() {
        Map<String, String> secrets = new TreeMap<>();
        put(secrets, "password", password);
        put(secrets, "secret", secret);
        put(secrets, "privateKey", privateKey);
        Long schedule;
        try {
            schedule = scheduleMs == null || scheduleMs.isBlank() ? null : Long.valueOf(scheduleMs.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scheduleMs: a number of milliseconds, not \"" + scheduleMs + "\"");
        }
        return new SystemRequest(blankToNull(id), blankToNull(opdCode), blankToNull(name), kind,
                KeyValueLines.parse(settings), secrets, schedule);
    }

    /** The form without the credentials, to show it again after a refusal: they are never echoed back. */
    SystemForm withoutCredentials() {
        return new SystemForm(id, opdCode, name, kind, scheduleMs, settings, "", "", "");
    }

    private void put(Map<String, String> secrets, String name, String value) {
        // a credential the selected kind does not take is dropped: the browser may have kept a hidden field
        if (value != null && !value.isEmpty() && kind != null && kind.secretNames().contains(name)) {
            secrets.put(name, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
