package id.ossgateway.registry;

import id.ossgateway.source.template.SourceInstance;
import id.ossgateway.source.template.SourceRoutes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.springframework.stereotype.Component;

/**
 * Turns an approved system into a running source: its kind picks the source template, its settings and
 * credentials become the template's parameters. Push systems have no route; they are accepted by the
 * inbound API while ACTIVE.
 */
@Component
class SystemSources {

    private final SourceRoutes routes;
    private final RegistryProperties properties;
    private final CamelContext camel;

    SystemSources(SourceRoutes routes, RegistryProperties properties, CamelContext camel) {
        this.routes = routes;
        this.properties = properties;
        this.camel = camel;
    }

    /** @throws id.ossgateway.source.template.InvalidSourceException when the source cannot start */
    void start(OpdSystem system, Map<String, String> secrets) {
        if (system.kind() == SystemKind.REST_PUSH) {
            return;
        }
        routes.start(instance(system, secrets));
    }

    void stop(String systemId) {
        routes.stop(systemId);
    }

    boolean isRunning(String systemId) {
        return routes.isRunning(systemId);
    }

    SourceInstance instance(OpdSystem system, Map<String, String> secrets) {
        Map<String, String> s = system.settings();
        Map<String, String> p = new LinkedHashMap<>();
        String template = switch (system.kind()) {
            case SQL -> {
                p.put("jdbcUrl", s.get("jdbcUrl"));
                p.put("username", s.get("username"));
                p.put("password", secrets.getOrDefault("password", ""));
                // identifiers only (validated on registration): the query is never free text from the OPD
                p.put("query", "select * from " + s.get("table"));
                p.put("table", s.get("table"));
                p.put("watermarkColumn", s.get("watermarkColumn"));
                p.put("keyColumn", s.get("keyColumn"));
                p.put("period", Long.toString(system.scheduleMs()));
                yield "opd-sql-source";
            }
            case FTP, SFTP, FOLDER -> {
                p.put("uri", fileUri(system, secrets));
                copy(s, p, "delimiter", "encoding");
                p.put("delay", Long.toString(system.scheduleMs()));
                yield "opd-file-source";
            }
            case REST_PULL -> {
                p.putAll(s); // the settings are the template's parameters (SystemKind.REST_PULL lists them)
                p.put("secret", secrets.getOrDefault("secret", ""));
                p.put("period", Long.toString(system.scheduleMs()));
                yield "opd-rest-source";
            }
            case REST_PUSH -> throw new IllegalArgumentException("push systems have no source route");
        };
        return new SourceInstance(system.id(), system.id(), template, p);
    }

    private String fileUri(OpdSystem system, Map<String, String> secrets) {
        Map<String, String> s = system.settings();
        String path = s.get("path").replaceAll("^/+", "");
        return switch (system.kind()) {
            case FOLDER -> "file:" + properties.folderRoot().resolve(path).normalize();
            // a server that cannot be reached fails the scan (reported in health) instead of passing as "no files"
            case FTP -> "ftp://" + s.get("username") + "@" + s.get("host") + ":" + s.getOrDefault("port", "21") + "/"
                    + path + "?passiveMode=" + s.getOrDefault("passiveMode", "true") + "&throwExceptionOnConnectFailed=true"
                    + password(secrets);
            case SFTP -> "sftp://" + s.get("username") + "@" + s.get("host") + ":" + s.getOrDefault("port", "22")
                    + "/" + path + "?throwExceptionOnConnectFailed=true&useUserKnownHostsFile="
                    + properties.sftpStrictHostKeyChecking()
                    + "&strictHostKeyChecking=" + (properties.sftpStrictHostKeyChecking() ? "yes" : "no")
                    + password(secrets) + privateKey(system.id(), secrets);
            default -> throw new IllegalArgumentException(system.kind() + " is not a file source");
        };
    }

    /** Camel's RAW() keeps a password as typed; RAW{} where it contains ')'. */
    private static String password(Map<String, String> secrets) {
        String pw = secrets.get("password");
        if (pw == null || pw.isEmpty()) {
            return "";
        }
        return "&password=" + (pw.contains(")") ? "RAW{" + pw + "}" : "RAW(" + pw + ")");
    }

    /**
     * An SFTP private key goes to the endpoint as a bean reference, so it stays in memory: never in a file
     * and never in the endpoint URI.
     */
    private String privateKey(String systemId, Map<String, String> secrets) {
        String key = secrets.get("privateKey");
        if (key == null || key.isBlank()) {
            return "";
        }
        String bean = "sftp-private-key-" + systemId;
        camel.getRegistry().bind(bean, byte[].class, key.getBytes(StandardCharsets.UTF_8));
        return "&privateKey=#" + bean;
    }

    private static void copy(Map<String, String> from, Map<String, String> to, String... names) {
        for (String n : names) {
            if (from.containsKey(n)) {
                to.put(n, from.get(n));
            }
        }
    }

}
