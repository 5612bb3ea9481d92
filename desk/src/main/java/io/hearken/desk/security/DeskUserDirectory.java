package io.hearken.desk.security;

import io.hearken.desk.DeskProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The people of {@code hearken.desk.users}, checked at start-up so a typo fails loudly instead of locking someone
 * out. A fresh copy per sign-in, since Security erases the password after use.
 */
final class DeskUserDirectory implements UserDetailsService {

    private final Map<String, DeskProperties.User> users = new LinkedHashMap<>();

    DeskUserDirectory(DeskProperties properties) {
        for (DeskProperties.User user : properties.users()) {
            String where = "hearken.desk.users[" + users.size() + "]";
            require(user.username() != null && !user.username().isBlank(), where + ".username is missing");
            require(user.password() != null && user.password().matches("\\{[a-z0-9]+}.+"),
                    where + ".password must start with its encoding, e.g. {bcrypt}$2a$... or {noop}secret");
            require(user.department() != null && user.department().matches("[a-z][a-z0-9-]{1,30}"),
                    where + ".department must be a department code such as maintenance");
            require(users.putIfAbsent(user.username(), user) == null,
                    where + ".username " + user.username() + " appears twice");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        DeskProperties.User user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("no such desk user");
        }
        return new DeskUser(user);
    }
}
