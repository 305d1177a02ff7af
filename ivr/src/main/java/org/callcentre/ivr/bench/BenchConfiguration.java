package org.callcentre.ivr.bench;

import io.micrometer.core.instrument.MeterRegistry;
import org.callcentre.ivr.IvrProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The benchmark FastAGI script, only where enabled (callcentre.ivr.bench.enabled=true). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "callcentre.ivr.bench.enabled", havingValue = "true")
public class BenchConfiguration {

    @Bean
    BenchScript benchScript(IvrProperties ivr, MeterRegistry meters) {
        return new BenchScript(ivr.promptDir(), meters);
    }
}
