package org.callcentre.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class UsersFileTest {

    static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("secret-password");

    @TempDir
    Path dir;

    @Test
    void readsOneUserPerLineSkippingCommentsAndBlankLines() throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(file, "# the site's users\n\nagent2:AGENT:" + HASH + "\n  qa-lead : qa, supervisor : "
                + HASH + "\n");

        assertThat(UsersFile.read(file)).containsExactly(
                new UsersFile.Entry("agent2", Set.of(Role.AGENT), HASH, 3),
                new UsersFile.Entry("qa-lead", Set.of(Role.QA, Role.SUPERVISOR), HASH, 4));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "agent2                          | expected NAME:ROLE[,ROLE...]:PASSWORD-HASH, found 1 field",
        "agent2:AGENT                    | expected NAME:ROLE[,ROLE...]:PASSWORD-HASH, found 2 fields",
        "Agent.Two:AGENT:HASH            | user name 'Agent.Two' must be 1-40 lower-case letters",
        ":AGENT:HASH                     | user name '' must be",
        "agent2:AGNET:HASH               | unknown role 'AGNET' (roles: AGENT, QA, SUPERVISOR, ADMIN)",
        "agent2:AGENT,,QA:HASH           | an empty role",
        "agent2:AGENT:{noop}hunter22     | the password must be a hash such as {bcrypt}",
        "agent2:AGENT:hunter22           | the password must be a hash such as {bcrypt}",
        "agent2:AGENT:{MD5}5f4dcc3b5aa7  | password hash {MD5} is not accepted",
        "agent2:AGENT:{bcrypt}$2a$10$short | the {bcrypt} hash is malformed",
    })
    void aBadLineIsRefusedNamingTheFileTheLineAndTheReason(String line, String reason) throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(file, "# users\nagent1:AGENT:" + HASH + "\n" + line.replace("HASH", HASH) + "\n");

        assertThatThrownBy(() -> UsersFile.read(file)).isInstanceOf(UsersFileException.class)
                .hasMessageStartingWith("users file " + file + " line 3: ")
                .hasMessageContaining(reason)
                .hasMessageNotContaining("hunter22");
    }

    @Test
    void everyBadLineIsNamedAndADuplicateNamesTheFirstLine() throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(file, "agent1:AGENT:" + HASH + "\nagent1:QA:" + HASH + "\nqa:QA\n");

        assertThatThrownBy(() -> UsersFile.read(file))
                .hasMessage("users file " + file + ":\n  line 2: user 'agent1' is already on line 1\n"
                        + "  line 3: expected NAME:ROLE[,ROLE...]:PASSWORD-HASH, found 2 fields");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("nowhere");
        assertThatThrownBy(() -> UsersFile.read(file)).hasMessage("users file " + file + " does not exist");
    }

    @Test
    void putAddsAUserToANewOwnerOnlyFileAndReplacesItInPlaceKeepingTheRest() throws Exception {
        Path file = dir.resolve("users");
        assertThat(UsersFile.put(file, new UsersFile.Entry("agent1", Set.of(Role.AGENT), HASH, 0))).isFalse();
        UsersFile.put(file, new UsersFile.Entry("qa", Set.of(Role.QA), HASH, 0));
        String other = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("another-password");

        assertThat(UsersFile.put(file, new UsersFile.Entry("agent1", Set.of(Role.AGENT, Role.SUPERVISOR), other, 0)))
                .isTrue();

        assertThat(Files.readString(file)).startsWith("# Users of the contact centre's API")
                .endsWith("agent1:AGENT,SUPERVISOR:" + other + "\nqa:QA:" + HASH + "\n");
        assertThat(UsersFile.read(file)).extracting(UsersFile.Entry::name).containsExactly("agent1", "qa");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);   // no temporary file left behind
        }
    }

    @Test
    void aBadFileIsNotEdited() throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(file, "agent1:AGENT:{noop}secret\n");

        assertThatThrownBy(() -> UsersFile.put(file, new UsersFile.Entry("qa", Set.of(Role.QA), HASH, 0)))
                .hasMessageContaining("line 1: the password must be a hash");
        assertThat(Files.readString(file)).isEqualTo("agent1:AGENT:{noop}secret\n");
    }

    @Test
    void removeDeletesOnlyThatUsersLine() throws Exception {
        Path file = dir.resolve("users");
        UsersFile.put(file, new UsersFile.Entry("agent1", Set.of(Role.AGENT), HASH, 0));
        UsersFile.put(file, new UsersFile.Entry("agent10", Set.of(Role.AGENT), HASH, 0));

        assertThat(UsersFile.remove(file, "agent1")).isTrue();
        assertThat(UsersFile.remove(file, "agent1")).isFalse();

        assertThat(UsersFile.read(file)).extracting(UsersFile.Entry::name).containsExactly("agent10");
    }
}
