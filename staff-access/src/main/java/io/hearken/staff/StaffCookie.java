package io.hearken.staff;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * The sign-in every deployable accepts: after a sign-in (form or OIDC) a cookie {@value #NAME} on path {@code /}
 * carries who the person is, until when, and an HMAC-SHA256 over both with {@code hearken.staff.token-secret}.
 * Behind one proxy the dashboard (analytics) thus knows a person who signed in at the desk. With form sign-in the
 * account must still exist in this deployable's {@code hearken.staff.users} (its departments and role are read
 * there, so a change takes effect at once); with OIDC the cookie's claims are used as signed.
 * An API call with its own {@code Authorization} header gets no cookie.
 */
final class StaffCookie implements RememberMeServices, LogoutHandler {

    static final String NAME = "HEARKEN_STAFF";

    private final byte[] secret;
    private final String tokenKey;
    private final Duration validity;
    private final StaffDirectory directory;
    private final boolean oidc;
    private final Clock clock;

    StaffCookie(byte[] secret, String tokenKey, Duration validity, StaffDirectory directory, boolean oidc, Clock clock) {
        this.secret = secret.clone();
        this.tokenKey = tokenKey;
        this.validity = validity;
        this.directory = directory;
        this.oidc = oidc;
        this.clock = clock;
    }

    /** The key of the in-process remember-me tokens (not the cookie's secret). */
    String tokenKey() {
        return tokenKey;
    }

    /** The person a cookie value names, if it is intact and not expired. */
    Optional<StaffPrincipal> read(String value) {
        int dot = value == null ? -1 : value.lastIndexOf('.');
        if (dot <= 0 || !MessageDigest.isEqual(sign(value.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
                value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            List<String> f = Arrays.stream(value.substring(0, dot).split("\\.", -1)).map(StaffCookie::decode).toList();
            if (f.size() != 6 || Long.parseLong(f.get(5)) < clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            if (!oidc) {
                return directory.find(f.get(0));
            }
            return Optional.of(new Signed(f.get(0), f.get(1), List.of(f.get(2).split(",")), StaffRole.valueOf(f.get(3)),
                    f.get(4).isEmpty() ? null : f.get(4)));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    String write(StaffPrincipal p) {
        List<String> fields = new ArrayList<>(List.of(p.username(), p.displayName() == null ? p.username() : p.displayName(),
                String.join(",", p.departments()), p.role().name(), p.language() == null ? "" : p.language(),
                String.valueOf(clock.instant().plus(validity).getEpochSecond())));
        String payload = String.join(".", fields.stream().map(StaffCookie::encode).toList());
        return payload + "." + sign(payload);
    }

    @Override
    public Authentication autoLogin(HttpServletRequest request, HttpServletResponse response) {
        String value = value(request);
        if (value == null) {
            return null;
        }
        Optional<StaffPrincipal> person = read(value);
        if (person.isEmpty()) {
            clear(request, response);
            return null;
        }
        return new RememberMeAuthenticationToken(tokenKey, person.get(), person.get().role().authorities());
    }

    @Override
    public void loginFail(HttpServletRequest request, HttpServletResponse response) {
        if (value(request) != null) {
            clear(request, response);
        }
    }

    @Override
    public void loginSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && auth.getPrincipal() instanceof StaffPrincipal p) {
            set(request, response, write(p), validity);
        }
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        clear(request, response);
    }

    private void clear(HttpServletRequest request, HttpServletResponse response) {
        set(request, response, "", Duration.ZERO);
    }

    private static void set(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(NAME, value).path("/").httpOnly(true)
                .secure(request.isSecure()).sameSite("Lax").maxAge(maxAge).build().toString());
    }

    private static String value(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (NAME.equals(c.getName()) && !c.getValue().isEmpty()) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String encode(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
        return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
    }

    /** A person as the cookie names them (OIDC sign-in: there is no local account to look up). */
    record Signed(String username, String displayName, List<String> departments, StaffRole role, String language)
            implements StaffPrincipal, java.io.Serializable {
    }
}
