package id.ossgateway.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator ({@code admin}, OPERATOR) when the user table is empty: with the password
 * from {@code gateway.security.initial-admin-password}, or a random one printed once. There is no default
 * password that works anywhere.
 */
@Component
class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final GatewayUsers users;
    private final SecurityProperties properties;

    FirstAdministrator(GatewayUsers users, SecurityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIfNone() {
        if (users.any()) {
            return;
        }
        String given = properties.initialAdminPassword();
        boolean generated = given == null || given.isBlank();
        String password = generated ? generate() : given;
        users.create("admin", password, Role.OPERATOR, null);
        if (generated) {
            // printed once, on purpose: it is the only way in, and it is not stored anywhere in clear
            log.warn("\n\n    First start: created user 'admin' (OPERATOR) with password  {}\n"
                    + "    It is shown only now. Log in, create named users, then disable or keep 'admin'.\n", password);
        } else {
            log.info("first start: created user 'admin' (OPERATOR) with the configured initial password");
        }
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
