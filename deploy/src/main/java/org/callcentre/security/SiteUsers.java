package org.callcentre.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The API's users: those configured ({@code callcentre.security.users}) and those of the users
 * file, together; a name in both is refused. The file is read at start-up (a bad file stops the
 * server) and again whenever it has changed (checked at each lookup: one stat of the file), so a
 * user added with {@code add-user} can log in at once and a removed one no longer can. A changed
 * file that is bad is logged and the users read before stay in service. Thread-safe.
 */
final class SiteUsers implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(SiteUsers.class);

    private record Known(String password, Set<Role> roles) {
    }

    /** The users in service and the state of the file they were read from. */
    private record Snapshot(Map<String, Known> users, Object fileState) {
    }

    private final Map<String, Known> configured;
    private final Path file;
    private volatile Snapshot snapshot;

    SiteUsers(List<SecurityProperties.User> configured, Path file) {
        this.configured = new HashMap<>();
        for (int i = 0; i < configured.size(); i++) {
            SecurityProperties.User u = configured.get(i);
            if (this.configured.put(u.name(), new Known(u.password(), Set.copyOf(u.roles()))) != null) {
                throw new IllegalArgumentException("callcentre.security.users[" + i + "]: user '" + u.name()
                        + "' is listed twice");
            }
        }
        this.file = file;
        this.snapshot = file == null ? new Snapshot(Map.copyOf(this.configured), null) : read(state());
        if (file != null) {
            log.info("API users: {} configured, {} from {}", this.configured.size(),
                    snapshot.users().size() - this.configured.size(), file);
        }
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        Known user = current().users().get(name);
        if (user == null) {
            throw new UsernameNotFoundException("no user " + name);
        }
        // a new object each time: authentication erases the password of the one it is given
        return User.withUsername(name).password(user.password())
                .roles(user.roles().stream().map(Role::name).toArray(String[]::new)).build();
    }

    private Snapshot current() {
        Snapshot now = snapshot;
        if (file == null) {
            return now;
        }
        Object state = state();
        if (state.equals(now.fileState())) {
            return now;
        }
        synchronized (this) {
            if (!state.equals(snapshot.fileState())) {
                try {
                    snapshot = read(state);
                    log.info("Users file {} re-read; users from it: {}", file, snapshot.users().size() - configured.size());
                } catch (UsersFileException e) {
                    log.error("{}; the users read before stay in service until it is corrected", e.getMessage());
                    snapshot = new Snapshot(snapshot.users(), state);
                }
            }
            return snapshot;
        }
    }

    private Snapshot read(Object state) {
        Map<String, Known> users = new HashMap<>(configured);
        for (UsersFile.Entry u : UsersFile.read(file)) {
            if (users.putIfAbsent(u.name(), new Known(u.passwordHash(), u.roles())) != null) {
                throw new UsersFileException(file, List.of("line " + u.line() + ": user '" + u.name()
                        + "' is also in callcentre.security.users; keep one of the two"));
            }
        }
        return new Snapshot(Map.copyOf(users), state);
    }

    /** What tells a changed file: time, size and file (add-user moves a new file into place). */
    private Object state() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
        } catch (IOException e) {
            return "unreadable: " + e;   // read() then reports it (or a lookup logs it and keeps the users)
        }
    }
}
