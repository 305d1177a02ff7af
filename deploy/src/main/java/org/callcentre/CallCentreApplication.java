package org.callcentre;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The contact-centre server: the ivr, recording and qa modules in one process. Holds no
 * business logic; see docs/architecture.md.
 */
@SpringBootApplication
public class CallCentreApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(AsteriskQueuesConf.COMMAND)) {
            AsteriskQueuesConf.run(args);
            return;
        }
        SpringApplication.run(CallCentreApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
