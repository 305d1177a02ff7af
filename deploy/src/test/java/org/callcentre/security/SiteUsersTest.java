package org.callcentre.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class SiteUsersTest {

    static final List<SecurityProperties.User> CONFIGURED = List.of(
            new SecurityProperties.User("admin", "{noop}pw-admin", Set.of(Role.ADMIN)),
            new SecurityProperties.User("agent1", "{noop}pw-agent1", Set.of(Role.AGENT)));

    @TempDir
    Path dir;

    @Test
    void configuredUsersAndUsersOfTheFileLogInTogether() throws Exception {
        Path file = usersFile("agent2:AGENT:" + bcrypt("agent2-password") + "\n");
        ProviderManager login = login(new SiteUsers(CONFIGURED, file));

        assertThat(roles(login.authenticate(credentials("admin", "pw-admin")))).containsExactly("ROLE_ADMIN");
        assertThat(roles(login.authenticate(credentials("agent2", "agent2-password")))).containsExactly("ROLE_AGENT");
        // twice: authentication erases the password of the user it was given, and must not erase ours
        assertThat(login.authenticate(credentials("agent2", "agent2-password")).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> login.authenticate(credentials("agent2", "wrong-password")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void withoutAUsersFileTheConfiguredUsersAreTheUsers() {
        ProviderManager login = login(new SiteUsers(CONFIGURED, null));

        assertThat(login.authenticate(credentials("agent1", "pw-agent1")).isAuthenticated()).isTrue();
    }

    @Test
    void aUserBothConfiguredAndInTheFileIsRefusedAtStartUp() throws Exception {
        Path file = usersFile("# site\nagent1:AGENT:" + bcrypt("agent1-password") + "\n");

        assertThatThrownBy(() -> new SiteUsers(CONFIGURED, file)).isInstanceOf(UsersFileException.class)
                .hasMessage("users file " + file + " line 2: user 'agent1' is also in callcentre.security.users; "
                        + "keep one of the two");
    }

    @Test
    void aBadOrMissingFileStopsTheStart() throws Exception {
        Path file = usersFile("agent2:AGENT:{noop}agent2-password\n");

        assertThatThrownBy(() -> new SiteUsers(CONFIGURED, file)).hasMessageContaining(file + " line 1:");
        assertThatThrownBy(() -> new SiteUsers(CONFIGURED, dir.resolve("missing")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void aUserAddedToTheFileLogsInWithoutARestartAndARemovedOneNoLonger() throws Exception {
        Path file = usersFile("");
        ProviderManager login = login(new SiteUsers(CONFIGURED, file));
        assertThatThrownBy(() -> login.authenticate(credentials("agent2", "agent2-password")))
                .isInstanceOf(BadCredentialsException.class);

        UsersFile.put(file, new UsersFile.Entry("agent2", Set.of(Role.AGENT), bcrypt("agent2-password"), 0));
        assertThat(login.authenticate(credentials("agent2", "agent2-password")).isAuthenticated()).isTrue();

        UsersFile.remove(file, "agent2");
        assertThatThrownBy(() -> login.authenticate(credentials("agent2", "agent2-password")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aFileMadeBadWhileRunningKeepsTheUsersReadBefore() throws Exception {
        Path file = usersFile("agent2:AGENT:" + bcrypt("agent2-password") + "\n");
        ProviderManager login = login(new SiteUsers(CONFIGURED, file));

        Files.writeString(file, "agent2:AGENT:" + bcrypt("agent2-password") + "\nagent3:AGNET:x\n");

        assertThat(login.authenticate(credentials("agent2", "agent2-password")).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> login.authenticate(credentials("agent3", "x")))
                .isInstanceOf(BadCredentialsException.class);
    }

    private Path usersFile(String content) throws Exception {
        return Files.writeString(dir.resolve("users"), content);
    }

    static String bcrypt(String password) {
        return "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password);
    }

    /** Authentication as the server does it: a DAO provider over the users, with the server's encoder. */
    private static ProviderManager login(SiteUsers users) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return new ProviderManager(provider);
    }

    private static UsernamePasswordAuthenticationToken credentials(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }

    private static List<String> roles(Authentication a) {
        return a.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(r -> r.startsWith("ROLE_")).toList();
    }
}
