package org.callcentre.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Users of the web API ({@code callcentre.security.users}). Passwords carry their encoding as a
 * prefix ({@code {bcrypt}...}); they live in a file outside the repository (the local stack
 * writes one with random passwords). An agent's user name is their agent id.
 */
@Validated
@ConfigurationProperties("callcentre.security")
public record SecurityProperties(@Valid List<User> users) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(@NotBlank String name, @NotBlank String password, @NotEmpty Set<Role> roles) {
    }
}
