package id.ossgateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. The path rules give each role its area; the features then narrow OPD staff to their own
 * OPD (answering 404 for another OPD's objects). Browsers log in with a form and a session, protected by
 * CSRF tokens; automation sends {@code Authorization: Bearer} tokens, which no browser adds on its own, so
 * those requests need no CSRF token. The OSS simulator and REST push have their own keys. The console's
 * paths carry the same roles as the API behind them; its menu only hides what these rules refuse.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String INTEGRATOR = Role.INTEGRATOR.name();
    private static final String OPD_STAFF = Role.OPD_STAFF.name();

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, GatewayUsers users) throws Exception {
        RequestMatcher bearer = BearerTokenFilter::hasBearer;
        http.addFilterBefore(new BearerTokenFilter(users), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        // own authentication: the simulator's user_key, the push API's per-system key
                        .requestMatchers("/oss-sim/**", "/api/v1/inbound/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        // the browser asks for /favicon.ico by itself: were it protected, the login would send
                        // the user there afterwards instead of to the page they asked for
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/login", "/error", "/css/**",
                                "/favicon.ico").permitAll()
                        .requestMatchers("/api/v1/users/**", "/api/v1/outbound-allowlist/**", "/api/v1/admin/**")
                        .hasRole(OPERATOR)
                        .requestMatchers("/api/v1/dead-letters/**").hasRole(OPERATOR)
                        .requestMatchers("/api/v1/templates/**").hasAnyRole(OPERATOR, INTEGRATOR)
                        // the mapping editor: OPD staff edit and submit their own OPD's mappings (checked by system)
                        .requestMatchers("/api/v1/mappings/**").hasAnyRole(OPERATOR, INTEGRATOR, OPD_STAFF)
                        .requestMatchers("/api/v1/opds/**", "/api/v1/systems/**", "/api/v1/rejects/**",
                                "/api/v1/messages/**").hasAnyRole(OPERATOR, OPD_STAFF)
                        .requestMatchers("/api/v1/tokens").authenticated()
                        .requestMatchers("/console/dead-letters/**", "/console/opds/**").hasRole(OPERATOR)
                        .requestMatchers("/console/mappings/**").hasAnyRole(OPERATOR, INTEGRATOR, OPD_STAFF)
                        .requestMatchers("/console/systems/**", "/console/rejects/**", "/console/messages/**")
                        .hasAnyRole(OPERATOR, OPD_STAFF)
                        .anyRequest().authenticated())
                .csrf(c -> c.ignoringRequestMatchers("/oss-sim/**", "/api/v1/inbound/**")
                        .ignoringRequestMatchers(bearer)
                        // issuing a token: a forged request cannot read the answer, and it is audited
                        .ignoringRequestMatchers(AntPathRequestMatcher.antMatcher("/api/v1/tokens")))
                .httpBasic(Customizer.withDefaults())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/console"))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), AntPathRequestMatcher.antMatcher("/api/**")));
        return http.build();
    }
}
