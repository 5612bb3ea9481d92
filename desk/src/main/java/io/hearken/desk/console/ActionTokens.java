package io.hearken.desk.console;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Makes every console action idempotent. Each rendering of a complaint page carries a fresh token in its forms;
 * the idempotency key of a posted action is that token plus a hash of what the form says. A form sent twice (a
 * double click, the browser resending after a lost answer or a 503) is the same action and publishes nothing new;
 * the same page used again with other words (back button, second note) is a new action.
 */
public final class ActionTokens {

    public static final String FIELD = "actionToken";

    private ActionTokens() {
    }

    public static String fresh() {
        return UUID.randomUUID().toString();
    }

    /** The key of the posted action, or null when the form carried no token (a hand-made request). */
    public static String key(HttpServletRequest request) {
        String token = request.getParameter(FIELD);
        if (token == null || token.isBlank() || token.length() > 100) {
            return null;
        }
        Map<String, String[]> fields = new TreeMap<>(request.getParameterMap());
        fields.remove(FIELD);
        fields.remove("_csrf");
        StringBuilder content = new StringBuilder(request.getRequestURI());
        fields.forEach((name, values) -> content.append('\u001f').append(name).append('=').append(String.join("\u001e", values)));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return token.strip() + ":" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
