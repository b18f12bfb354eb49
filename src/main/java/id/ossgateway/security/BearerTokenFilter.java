package id.ossgateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer ogw_…} authenticates a request as the token's user, for this request only
 * (no session). A wrong token is a 401, not a fall-through to other schemes.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final GatewayUsers users;

    BearerTokenFilter(GatewayUsers users) {
        this.users = users;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasBearer(request)) {
            Optional<GatewayPrincipal> principal = users.byToken(request.getHeader("Authorization").substring(7).strip());
            if (principal.isEmpty()) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "unknown or revoked token");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    principal.get(), null, principal.get().getAuthorities()));
        }
        chain.doFilter(request, response);
    }
}
