package org.callcentre.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.journey.CallJourneys;
import org.callcentre.ivr.journey.LiveJourneys;
import org.callcentre.ivr.queue.QueueCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The flow engine as Spring starts it: a bad flow file stops start-up with file, node and reason. */
class FlowConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IvrProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, FlowConfiguration.class)
            .withBean(CallJourneys.class, () -> mock(CallJourneys.class))
            .withBean(LiveJourneys.class, LiveJourneys::new)
            .withBean(JdbcClient.class, () -> mock(JdbcClient.class))
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(QueueCatalog.class, () -> new QueueCatalog(List.of(IvrProperties.Queue.named("support"))));

    @TempDir
    Path dir;

    @Test
    void serverStartsWithTheDefaultFlow() {
        context.run(c -> assertThat(c).hasNotFailed().hasSingleBean(HotlineScript.class));
    }

    @Test
    void badFlowFileStopsStartUpNamingFileNodeAndReason() throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), """
                flow: broken
                start: a
                nodes:
                  - {id: a, kind: menu, prompt: main-menu}
                """);

        context.withPropertyValues("callcentre.ivr.flows.dir=" + dir).run(c -> assertThat(c).hasFailed()
                .getFailure().rootCause().isInstanceOf(FlowDefinitionException.class)
                .hasMessage("flow file '" + dir.resolve("broken.yaml") + "', node 'a': 'options' must map keys to "
                        + "where they lead"));
    }

    @Test
    void malformedBusinessHoursStopStartUp() {
        context.withPropertyValues("callcentre.ivr.hours.weekly.MONDAY=late").run(c -> assertThat(c).hasFailed()
                .getFailure().rootCause().hasMessageContaining("callcentre.ivr.hours.weekly.MONDAY"));
    }
}
