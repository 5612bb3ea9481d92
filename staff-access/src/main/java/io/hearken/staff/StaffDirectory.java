package io.hearken.staff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The people of {@code hearken.staff.users} (plus the demo accounts when asked for), checked at start-up so a
 * typo fails loudly instead of locking someone out. A fresh copy per sign-in, since Security erases the password.
 */
public final class StaffDirectory implements UserDetailsService {

    private final Map<String, StaffProperties.User> users = new LinkedHashMap<>();

    public StaffDirectory(StaffProperties properties) {
        List<StaffProperties.User> all = new ArrayList<>(properties.users());
        int configured = all.size();
        if (properties.demoAccounts()) {
            all.addAll(StaffProperties.demo());
        }
        for (int i = 0; i < all.size(); i++) {
            StaffProperties.User user = all.get(i);
            String where = i < configured ? "hearken.staff.users[" + i + "]" : "demo account " + user.username();
            require(user.username() != null && !user.username().isBlank(), where + ".username is missing");
            require(user.password() != null && user.password().matches("\\{[a-z0-9]+}.+"),
                    where + ".password must start with its encoding, e.g. {bcrypt}$2a$... or {noop}secret");
            require(!user.departments().isEmpty()
                            && user.departments().stream().allMatch(d -> d.matches("[a-z][a-z0-9-]{1,30}")),
                    where + ".departments must list department codes such as maintenance");
            require(users.putIfAbsent(user.username(), user) == null,
                    where + ".username " + user.username() + " appears twice");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    public boolean isEmpty() {
        return users.isEmpty();
    }

    /**
     * Every configured person (no password), e.g. to name a complaint's handler among its department's people.
     * With OIDC sign-in the accounts live at the provider: then only those configured here are known.
     */
    public List<StaffPerson> people() {
        return users.values().stream().map(u -> new StaffPerson(u.username(), u.name() == null ? u.username() : u.name(),
                u.departments(), u.role(), u.language() == null ? null : java.util.Locale.forLanguageTag(u.language())))
                .toList();
    }

    /** The person without a password (for a sign-in carried by the cookie). */
    Optional<StaffPrincipal> find(String username) {
        StaffProperties.User user = users.get(username);
        return user == null ? Optional.empty() : Optional.of(new StaffUser(user));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StaffProperties.User user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("no such staff member");
        }
        return new StaffUser(user);
    }
}
