package id.ossgateway;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway keeps its files and how this node names itself.
 *
 * @param dataDir     the embedded H2 state database and Artemis journal live here ({@code GATEWAY_DATA_DIR})
 * @param routesDir   Camel route definitions and source templates (kamelets), watched for changes
 * @param mappingsDir one mapping file per OPD system, watched for changes
 * @param nodeId      this node's name in the journal and in cluster locks; defaults to the host name
 */
@Validated
@ConfigurationProperties("gateway")
public record GatewayProperties(
        @NotNull Path dataDir,
        @NotNull Path routesDir,
        @NotNull Path mappingsDir,
        @NotBlank String nodeId) {
}
