package id.ossgateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** Users and their API tokens in the state database; passwords as bcrypt, tokens as SHA-256. */
@Repository
public class GatewayUsers implements UserDetailsService {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public GatewayUsers(JdbcTemplate jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** A user as listed: never the hash. */
    public record User(String username, Role role, String opdCode, boolean enabled) {
    }

    @Override
    public GatewayPrincipal loadUserByUsername(String username) {
        return jdbc.query("select username, password_hash, role, opd_code, enabled from gateway_user where username = ?",
                        (rs, i) -> new GatewayPrincipal(new Caller(rs.getString(1), Role.valueOf(rs.getString(3)),
                                rs.getString(4)), rs.getString(2), rs.getBoolean(5)), username)
                .stream().findFirst().orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    public boolean any() {
        return jdbc.queryForObject("select count(*) from gateway_user", Long.class) > 0;
    }

    /** @throws IllegalArgumentException for a weak password, an OPD staff user without OPD, a taken name */
    public User create(String username, String password, Role role, String opdCode) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{3,100}")) {
            throw new IllegalArgumentException("username: 3-100 letters, digits or . _ @ -");
        }
        if (password == null || password.length() < 12) {
            throw new IllegalArgumentException("password: at least 12 characters");
        }
        if ((role == Role.OPD_STAFF) != (opdCode != null)) {
            throw new IllegalArgumentException("opdCode: required for OPD_STAFF and only for them");
        }
        try {
            jdbc.update("insert into gateway_user (username, password_hash, role, opd_code, enabled, created_at)"
                            + " values (?, ?, ?, ?, true, ?)", username, passwords.encode(password), role.name(), opdCode,
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("username: " + username + " is taken");
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new IllegalArgumentException("opdCode: OPD " + opdCode + " does not exist");
        }
        return new User(username, role, opdCode, true);
    }

    public List<User> list() {
        return jdbc.query("select username, role, opd_code, enabled from gateway_user order by username",
                (rs, i) -> new User(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getBoolean(4)));
    }

    /** Issues a token for automation; the value is returned once and only its hash is kept. */
    public String issueToken(String username, String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "ogw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("insert into api_token (token_hash, username, name, created_at) values (?, ?, ?, ?)",
                sha256(token), username, name, Timestamp.from(clock.instant()));
        return token;
    }

    Optional<GatewayPrincipal> byToken(String token) {
        String hash = sha256(token);
        Optional<String> user = jdbc.queryForList("select username from api_token where token_hash = ?", String.class,
                hash).stream().findFirst();
        user.ifPresent(u -> jdbc.update("update api_token set last_used_at = ? where token_hash = ?",
                Timestamp.from(clock.instant()), hash));
        return user.map(this::loadUserByUsername).filter(GatewayPrincipal::enabled);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
