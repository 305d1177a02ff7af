package org.callcentre.ivr.testcall;

import org.callcentre.ivr.IvrProperties;
import org.callcentre.ivr.ami.AmiConnection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Synthetic test calls exist only where enabled (callcentre.ivr.test-call.enabled=true). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "callcentre.ivr.test-call.enabled", havingValue = "true")
@Import(TestCallController.class)
public class TestCallConfiguration {

    @Bean
    SyntheticCaller syntheticCaller(IvrProperties ivr, AmiConnection ami) {
        if (ivr.testCall().hostSoundDir() == null || ivr.testCall().asteriskSoundDir() == null) {
            throw new IllegalStateException("callcentre.ivr.test-call.host-sound-dir and asterisk-sound-dir "
                    + "must be set when test calls are enabled");
        }
        return new SyntheticCaller(ivr.testCall(), ami);
    }
}
