package org.callcentre.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class UserAdminTest {

    private static final PasswordEncoder SERVER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void addUserStoresABcryptHashOfThePasswordFileNeverThePassword() throws Exception {
        Path file = dir.resolve("users");
        Path password = Files.writeString(dir.resolve("pw"), "correct horse battery\n");

        run("add-user", file.toString(), "agent2", "agent", "--password-file=" + password);

        UsersFile.Entry agent2 = UsersFile.read(file).getFirst();
        assertThat(agent2.name()).isEqualTo("agent2");
        assertThat(agent2.roles()).containsExactly(Role.AGENT);
        assertThat(agent2.passwordHash()).startsWith("{bcrypt}$2a$10$");
        assertThat(SERVER.matches("correct horse battery", agent2.passwordHash())).isTrue();
        assertThat(Files.readString(file)).doesNotContain("correct horse");
        assertThat(output()).isEqualTo("Added agent2 [AGENT] in " + file + "\n");
    }

    @Test
    void addUserReplacesAUserOfThatNameAndReadsThePasswordFromStandardInput() throws Exception {
        Path file = dir.resolve("users");
        run("add-user", file.toString(), "agent2", "AGENT");
        run("add-user", file.toString(), "qa", "QA");

        runWithInput("new password\n", "add-user", file.toString(), "agent2", "AGENT,SUPERVISOR", "--password-file=-");

        assertThat(UsersFile.read(file)).extracting(UsersFile.Entry::name).containsExactly("agent2", "qa");
        UsersFile.Entry agent2 = UsersFile.read(file).getFirst();
        assertThat(agent2.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.SUPERVISOR);
        assertThat(SERVER.matches("new password", agent2.passwordHash())).isTrue();
        assertThat(output()).endsWith("Replaced agent2 [AGENT, SUPERVISOR] in " + file + "\n");
    }

    @Test
    void withoutAPasswordFileARandomPasswordIsPrintedOnceAndOnlyItsHashStored() throws Exception {
        Path file = dir.resolve("users");

        run("add-user", file.toString(), "agent2", "AGENT");

        Matcher printed = Pattern.compile("Password of agent2 \\(shown once, stored only as a hash\\): (\\S{24})\n")
                .matcher(output());
        assertThat(printed.find()).as(output()).isTrue();
        assertThat(SERVER.matches(printed.group(1), UsersFile.read(file).getFirst().passwordHash())).isTrue();
        assertThat(Files.readString(file)).doesNotContain(printed.group(1));
    }

    @Test
    void badArgumentsSayWhyAndLeaveTheFileAsItWas() throws Exception {
        Path file = dir.resolve("users");
        run("add-user", file.toString(), "agent1", "AGENT");
        String before = Files.readString(file);

        assertThatThrownBy(() -> run("add-user", file.toString(), "agent2", "AGNET"))
                .hasMessageContaining("unknown role 'AGNET'");
        assertThatThrownBy(() -> run("add-user", file.toString(), "Agent 2", "AGENT"))
                .hasMessageContaining("user name 'Agent 2' must be");
        assertThatThrownBy(() -> runWithInput("short\n", "add-user", file.toString(), "agent2", "AGENT",
                "--password-file=-")).hasMessage("the password (first line of standard input) must have at least 8 "
                        + "characters");
        assertThatThrownBy(() -> run("add-user", file.toString(), "agent2", "AGENT",
                "--password-file=" + dir.resolve("missing"))).hasMessageStartingWith("cannot read the password from "
                        + dir.resolve("missing"));
        assertThatThrownBy(() -> run("add-user", file.toString(), "agent2"))
                .hasMessage("usage: add-user FILE NAME ROLE[,ROLE...] [--password-file=PATH|-]");
        assertThatThrownBy(() -> run("add-user", file.toString(), "agent2", "AGENT", "--password=secret"))
                .hasMessageStartingWith("unknown option --password=secret");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void removeUserTakesTheUserOut() throws Exception {
        Path file = dir.resolve("users");
        run("add-user", file.toString(), "agent2", "AGENT");

        run("remove-user", file.toString(), "agent2");

        assertThat(UsersFile.read(file)).isEmpty();
        assertThat(output()).endsWith("Removed agent2 from " + file + "\n");
        assertThat(Set.of(UserAdmin.ADD, UserAdmin.REMOVE)).allMatch(UserAdmin::handles);
    }

    private void run(String... args) throws Exception {
        runWithInput("", args);
    }

    private void runWithInput(String input, String... args) throws Exception {
        UserAdmin.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
