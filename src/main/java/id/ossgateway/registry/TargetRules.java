package id.ossgateway.registry;

import id.ossgateway.registry.check.BadSettingsException;
import id.ossgateway.registry.check.JdbcUrlPolicy;
import id.ossgateway.registry.check.OutboundGuard;
import id.ossgateway.registry.check.RefusedTargetException;
import id.ossgateway.registry.check.RemotePaths;
import id.ossgateway.registry.check.SqlIdentifiers;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The outbound rules applied to a system's settings before they are stored: the host must be allowed, a
 * JDBC URL must use a known driver with safe properties only, SQL names must be plain identifiers, and
 * paths must stay under their root. Each problem names the setting.
 */
@Component
class TargetRules {

    private final OutboundAllowlist allowlist;
    private final RegistryProperties properties;
    private final JdbcUrlPolicy jdbcUrls = new JdbcUrlPolicy();

    TargetRules(OutboundAllowlist allowlist, RegistryProperties properties) {
        this.allowlist = allowlist;
        this.properties = properties;
    }

    List<String> problems(SystemKind kind, Map<String, String> s) {
        List<String> problems = new ArrayList<>();
        OutboundGuard guard = allowlist.guard();
        try {
            switch (kind) {
                case SQL -> {
                    host(guard, jdbcUrls.parse(s.get("jdbcUrl")).host(), "jdbcUrl", problems);
                    SqlIdentifiers.table("table", s.get("table"));
                    SqlIdentifiers.column("watermarkColumn", s.get("watermarkColumn"));
                    SqlIdentifiers.column("keyColumn", s.get("keyColumn"));
                }
                case FTP, SFTP -> {
                    host(guard, s.get("host"), "host", problems);
                    RemotePaths.remote("path", s.get("path"));
                    port(s.get("port"), problems);
                }
                case FOLDER -> RemotePaths.folder(properties.folderRoot(), "path", s.get("path"));
                case REST_PULL -> {
                    URI url = URI.create(s.get("url"));
                    if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
                        problems.add("setting 'url' must be an http or https URL");
                    } else {
                        host(guard, url.getHost(), "url", problems);
                    }
                }
                case REST_PUSH -> { }
            }
        } catch (BadSettingsException e) {
            problems.add(e.getMessage());
        } catch (IllegalArgumentException e) {
            problems.add("setting 'url' is not a URL: " + e.getMessage());
        }
        return problems;
    }

    private static void host(OutboundGuard guard, String host, String setting, List<String> problems) {
        try {
            guard.check(host);
        } catch (RefusedTargetException e) {
            problems.add("setting '" + setting + "': " + e.getMessage());
        } catch (UnknownHostException e) {
            problems.add("setting '" + setting + "': host " + host + " does not resolve");
        }
    }

    private static void port(String port, List<String> problems) {
        if (port != null && !port.matches("\\d{1,5}")) {
            problems.add("setting 'port' must be a port number");
        }
    }
}
