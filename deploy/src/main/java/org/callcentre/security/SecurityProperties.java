package org.callcentre.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Users of the web API: those of {@code callcentre.security.users-file} and those listed under
 * {@code callcentre.security.users}, together (a name in both stops the server). An agent's user
 * name is their agent id.
 *
 * @param users     users listed in the configuration; their passwords carry their encoding as a
 *                  prefix ({@code {bcrypt}...}, {@code {noop}...} in tests). A list given on the
 *                  command line replaces the whole list of the files: add users to the users file
 * @param usersFile a file of users with hashed passwords, one per line ({@link UsersFile}), written
 *                  by {@code java -jar callcentre-deploy.jar add-user}; re-read when it changes, so
 *                  users are added and removed without a restart. None when unset
 */
@Validated
@ConfigurationProperties("callcentre.security")
public record SecurityProperties(List<@Valid User> users, Path usersFile) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(@NotBlank String name, @NotBlank String password, @NotEmpty Set<Role> roles) {
    }
}
