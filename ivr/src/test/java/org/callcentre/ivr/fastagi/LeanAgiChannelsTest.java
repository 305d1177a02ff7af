package org.callcentre.ivr.fastagi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.internal.AgiChannelImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeanAgiChannelsTest {

    private final LeanAgiChannels channels = new LeanAgiChannels();

    @ParameterizedTest
    @ValueSource(strings = {"22.5.2", "22.0.0~dfsg+~cs6.14.60671356-1", "20.10.0", "18.21.0", "16.30.0", "13.38.3",
            "1.8.32.3", "GIT-master-abcdef", "certified/18.9-cert7", "nonsense"})
    void findsTheSameAsteriskVersionAsTheLibraryOnEveryCall(String reported) {
        AsteriskVersion library = new TestChannel(request(reported)).getAsteriskVersion();

        for (int call = 0; call < 3; call++) {
            assertThat(channels.createAgiChannel(request(reported), null, null).getAsteriskVersion())
                    .isEqualTo(library);
        }
    }

    @Test
    void aRequestWithoutAVersionGetsTheLibrarysDefault() {
        AgiChannel channel = channels.createAgiChannel(request(null), null, null);

        assertThat(channel.getAsteriskVersion()).isEqualTo(AsteriskVersion.DEFAULT_VERSION);
    }

    @Test
    void manyDifferentVersionStringsStillGetTheirOwnVersion() {
        for (String reported : List.of("1.4.44", "1.6.2.24", "10.12.4", "11.25.3", "12.8.2", "14.7.8", "15.7.4",
                "17.9.4", "19.8.1", "21.5.0", "23.0.0", "1.2.40", "1.0.12", "18.1.1", "20.1.0", "16.1.0", "13.1.0",
                "22.1.0", "1.8.1")) {
            assertThat(channels.createAgiChannel(request(reported), null, null).getAsteriskVersion())
                    .as(reported).isEqualTo(new TestChannel(request(reported)).getAsteriskVersion());
        }
    }

    /** The library's own request, as its reader builds it from the agi_ environment. */
    private static AgiRequest request(String version) {
        List<String> env = new ArrayList<>(List.of("agi_network: yes", "agi_channel: Local/s@bench-00000001;2"));
        if (version != null) {
            env.add("agi_version: " + version);
        }
        try {
            Constructor<?> constructor = Class.forName("org.asteriskjava.fastagi.internal.AgiRequestImpl")
                    .getDeclaredConstructor(List.class);
            constructor.setAccessible(true);
            return (AgiRequest) constructor.newInstance(env);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The library's own channel, for what it detects. */
    private static final class TestChannel extends AgiChannelImpl {
        TestChannel(AgiRequest request) {
            super(request, null, null);
        }
    }
}
