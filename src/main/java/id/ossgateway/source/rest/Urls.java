package id.ossgateway.source.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Request URLs: query parameters set on the configured URL, and a form of a URL that is safe to show. */
final class Urls {

    /** Query parameters whose value is a credential when an OPD puts its key in the URL after all. */
    private static final Pattern SECRET_PARAM = Pattern.compile(".*(key|token|secret|pass|pwd|sig|auth).*");

    private Urls() {
    }

    /** The URL with these query parameters set (replacing any of the same name), values encoded. */
    static URI with(URI base, Map<String, String> params) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = base.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? null : pair.substring(eq + 1));
            }
        }
        params.forEach((k, v) -> {
            if (v != null) {
                query.put(encode(k), encode(v));
            }
        });
        List<String> pairs = new ArrayList<>();
        query.forEach((k, v) -> pairs.add(v == null ? k : k + "=" + v));
        String s = base.toString();
        int q = s.indexOf('?');
        int hash = s.indexOf('#');
        String head = q >= 0 ? s.substring(0, q) : hash >= 0 ? s.substring(0, hash) : s;
        return URI.create(pairs.isEmpty() ? head : head + "?" + String.join("&", pairs));
    }

    /** For health and logs: no user info, and the values of key-like query parameters masked. */
    static String safe(URI uri) {
        if (uri == null) {
            return "?";
        }
        StringBuilder s = new StringBuilder().append(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            s.append(':').append(uri.getPort());
        }
        s.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        String raw = uri.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                boolean secret = SECRET_PARAM.matcher(name.toLowerCase(Locale.ROOT)).matches();
                pairs.add(secret && eq >= 0 ? name + "=***" : pair);
            }
            s.append('?').append(String.join("&", pairs));
        }
        return s.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
