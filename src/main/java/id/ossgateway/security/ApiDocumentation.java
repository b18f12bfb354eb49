package id.ossgateway.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The heading of the OpenAPI document served at {@code /v3/api-docs} (and kept as {@code docs/openapi.json}):
 * what the API is and how to authenticate.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI gatewayApi() {
        return new OpenAPI()
                .info(new Info().title("OSS Gateway API").version("v1").description("""
                        Registry of OPD systems, rejects, mapping preview, REST push and accounts. Authenticate \
                        with an API token (POST /api/v1/tokens) as `Authorization: Bearer ogw_...`; REST push \
                        (/api/v1/inbound) uses the system's own X-Api-Key instead."""))
                .components(new Components()
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                        .addSecuritySchemes("pushKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Api-Key")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
