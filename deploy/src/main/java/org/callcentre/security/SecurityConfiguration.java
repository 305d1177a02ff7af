package org.callcentre.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint but the health check needs a user (HTTP Basic; stateless, so no CSRF cookie to
 * protect). Which role may call what is decided here, in one place.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        return http
                .authorizeHttpRequests(a -> a
                        // anyone sees the overall status; components and details only admins (application.yml)
                        .requestMatchers("/actuator/health", "/error").permitAll()
                        .requestMatchers("/actuator/health/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/test-calls").hasRole(Role.ADMIN.name())
                        .requestMatchers("/actuator/metrics/**").hasRole(Role.ADMIN.name())
                        // which calls: CallAccess, asked by each endpoint that takes a call id
                        .requestMatchers("/api/journeys/**")
                        .hasAnyRole(Role.AGENT.name(), Role.SUPERVISOR.name(), Role.QA.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/supervision/audit")
                        .hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .requestMatchers("/api/supervision/**", "/api/supervision").hasRole(Role.SUPERVISOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/floor")
                        .hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/agents/*/*")
                        .hasAnyRole(Role.AGENT.name(), Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/operations/recording-jobs")
                        .hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/calls/*/recording/pause", "/api/calls/*/recording/resume")
                        .hasAnyRole(Role.AGENT.name(), Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/calls", "/api/utterances")
                        .hasAnyRole(Role.AGENT.name(), Role.QA.name(), Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .anyRequest().denyAll())
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** The configured users and those of the users file (re-read when it changes). */
    @Bean
    UserDetailsService users(SecurityProperties config) {
        return new SiteUsers(config.users(), config.usersFile());
    }

    /** Passwords as Spring Security's prefixed hashes ({bcrypt}...), the encoding add-user writes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
