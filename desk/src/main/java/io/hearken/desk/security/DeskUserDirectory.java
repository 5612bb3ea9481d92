package io.hearken.desk.security;

import io.hearken.desk.DeskProperties;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The people of {@code hearken.desk.users}; a fresh copy per sign-in, since Security erases the password. */
final class DeskUserDirectory implements UserDetailsService {

    private final Map<String, DeskProperties.User> users;

    DeskUserDirectory(DeskProperties properties) {
        this.users = properties.users().stream()
                .collect(Collectors.toUnmodifiableMap(DeskProperties.User::username, Function.identity()));
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
