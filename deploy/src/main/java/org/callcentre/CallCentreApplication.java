package org.callcentre;

import java.time.Clock;
import org.callcentre.security.UserAdmin;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The contact-centre server: the ivr, recording and qa modules in one process. Holds no
 * business logic; see docs/architecture.md. Its first argument may instead name a command:
 * {@code queues-conf} ({@link AsteriskQueuesConf}), {@code add-user} or {@code remove-user}
 * ({@link UserAdmin}).
 */
@SpringBootApplication
public class CallCentreApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(AsteriskQueuesConf.COMMAND)) {
            AsteriskQueuesConf.run(args);
            return;
        }
        if (args.length > 0 && UserAdmin.handles(args[0])) {
            try {
                UserAdmin.run(args, System.in, System.out);
            } catch (IllegalArgumentException e) {
                System.err.println(args[0] + ": " + e.getMessage());
                System.exit(2);
            }
            return;
        }
        SpringApplication.run(CallCentreApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
