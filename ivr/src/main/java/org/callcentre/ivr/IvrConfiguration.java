package org.callcentre.ivr;

import java.util.HashSet;
import java.util.Map;
import org.callcentre.ivr.ami.AmiConnection;
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
@Import({FlowConfiguration.class, TestCallConfiguration.class})
class IvrConfiguration {

    @Bean
    FastAgiServer fastAgiServer(IvrProperties ivr, HotlineScript hotline) {
        return FastAgiServers.create(ivr.fastagi(), Map.of("ivr", hotline), new HashSet<>(ivr.fastagi().allowedHosts()));
    }

    @Bean
    AmiConnection amiConnection(IvrProperties ivr) {
        return new AmiConnection(ivr.ami());
    }
}
