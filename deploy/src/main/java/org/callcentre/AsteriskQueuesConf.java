package org.callcentre;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.queue.QueueCatalog;
import org.callcentre.ivr.queue.QueuesConf;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar callcentre-deploy.jar queues-conf FILE [--name=value ...]}: writes Asterisk's
 * queues.conf from the server's own configuration (application.yml, the same extra properties
 * files and arguments the server is started with), so the queues Asterisk runs are the queues
 * the server reports on. Binds and validates {@code callcentre.ivr.*} only: nothing else starts.
 * deploy/stack/stack.sh runs it before Asterisk starts; see docs/adr/0006.
 */
@EnableConfigurationProperties(IvrProperties.class)
final class AsteriskQueuesConf {

    static final String COMMAND = "queues-conf";

    private AsteriskQueuesConf() {
    }

    static void run(String[] args) throws IOException {
        if (args.length < 2 || !args[0].equals(COMMAND) || args[1].startsWith("--")) {
            throw new IllegalArgumentException("usage: " + COMMAND + " FILE [--property=value ...]");
        }
        Path file = Path.of(args[1]);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AsteriskQueuesConf.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(Arrays.copyOfRange(args, 2, args.length))) {
            QueuesConf.write(new QueueCatalog(context.getBean(IvrProperties.class).queues()), file);
        }
    }
}
