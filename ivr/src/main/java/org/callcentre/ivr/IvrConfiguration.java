package org.callcentre.ivr;

import java.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.HashSet;
import org.asteriskjava.fastagi.AgiScript;
import org.callcentre.ivr.bench.BenchConfiguration;
import org.callcentre.ivr.bench.BenchScript;
import org.springframework.beans.factory.ObjectProvider;
import java.util.Map;
import org.callcentre.ivr.agent.AgentDesk;
import org.callcentre.ivr.agent.AutoLogin;
import org.callcentre.ivr.ami.AmiConnection;
import org.callcentre.ivr.recordingpause.RecordingPauseConfiguration;
import org.callcentre.ivr.recordingpause.RecordingPauseToggleEvent;
import org.callcentre.ivr.supervision.Supervision;
import org.callcentre.ivr.journey.CallJourneys;
import org.callcentre.ivr.journey.Dispositions;
import org.callcentre.ivr.journey.LiveJourneys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.callcentre.ivr.floor.AmiFloorFeed;
import org.callcentre.ivr.floor.FloorModel;
import org.callcentre.ivr.queue.QueueCatalog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.callcentre.ivr.fastagi.FastAgiServers;
import org.callcentre.ivr.flow.FlowConfiguration;
import org.callcentre.ivr.flow.HotlineScript;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.callcentre.ivr.fastagi.FastAgiServer;
import org.callcentre.ivr.testcall.TestCallConfiguration;

/** Wires the ivr module. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IvrProperties.class)
@Import({FlowConfiguration.class, TestCallConfiguration.class, BenchConfiguration.class,
        RecordingPauseConfiguration.class})
class IvrConfiguration {

    @Bean
    FastAgiServer fastAgiServer(IvrProperties ivr, HotlineScript hotline, ObjectProvider<BenchScript> bench,
            MeterRegistry meters) {
        Map<String, AgiScript> scripts = new HashMap<>(Map.of("ivr", hotline));
        bench.ifAvailable(b -> scripts.put("bench", b));
        return FastAgiServers.create(ivr.fastagi(), scripts, new HashSet<>(ivr.fastagi().allowedHosts()), meters);
    }

    @Bean
    AmiConnection amiConnection(IvrProperties ivr, MeterRegistry meters) {
        AmiConnection ami = new AmiConnection(ivr.ami(), meters);
        ami.registerUserEvent(RecordingPauseToggleEvent.class); // the agent's recording-pause DTMF code
        return ami;
    }

    /** The configured queues, checked at start-up: a queue Asterisk would refuse stops the server. */
    @Bean
    QueueCatalog queueCatalog(IvrProperties ivr) {
        return new QueueCatalog(ivr.queues());
    }

    @Bean
    LiveJourneys liveJourneys(AmiConnection ami) {
        LiveJourneys live = new LiveJourneys();
        live.listenTo(ami);
        return live;
    }

    @Bean
    FloorModel floorModel(Clock clock, IvrProperties ivr, QueueCatalog queues) {
        return new FloorModel(clock, ivr.floor(), queues);
    }

    @Bean
    AmiFloorFeed amiFloorFeed(AmiConnection ami, FloorModel floor, QueueCatalog queues, SurgeAlerts alerts) {
        return new AmiFloorFeed(ami, floor, queues, alerts::raise);
    }

    @Bean
    SurgeAlerts surgeAlerts(ApplicationEventPublisher events, TransactionTemplate tx) {
        return new SurgeAlerts(events, tx);
    }

    @Bean
    Dispositions dispositions(JdbcClient jdbc, CallJourneys journeys, ApplicationEventPublisher events, Clock clock,
            IvrProperties ivr) {
        return new Dispositions(jdbc, journeys, events, clock, ivr.floor().dispositionWindow());
    }

    @Bean
    Supervision supervision(AmiConnection ami, IvrProperties ivr, JdbcClient jdbc, Clock clock) {
        return new Supervision(ami, ivr.agents(), jdbc, clock);
    }

    @Bean
    AgentDesk agentDesk(AmiConnection ami, IvrProperties ivr) {
        return new AgentDesk(ami, ivr.agents());
    }

    @Bean
    AutoLogin autoLogin(AmiConnection ami, AgentDesk desk, IvrProperties ivr) {
        return new AutoLogin(ami, desk, ivr.agents().standInsToLogIn());
    }
}
