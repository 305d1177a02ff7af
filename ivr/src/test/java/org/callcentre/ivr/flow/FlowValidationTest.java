package org.callcentre.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** A bad flow file is refused with its file, the node and the reason. */
class FlowValidationTest {

    private static final String HEADER = """
            flow: test
            start: welcome
            nodes:
            """;

    @Test
    void missingStartNodeIsNamed() {
        assertRefused("""
                flow: test
                start: hello
                nodes:
                  - {id: welcome, kind: hangup}
                """, "(flow)", "start node 'hello' is not defined");
    }

    @Test
    void missingNodesAreRefused() {
        assertRefused("flow: test\nstart: welcome\n", "(flow)", "'nodes' must be a non-empty list");
    }

    @Test
    void unknownKindNamesTheNodeAndTheKnownKinds() {
        assertRefused(HEADER + "  - {id: welcome, kind: dance}\n", "welcome", "unknown kind 'dance'")
                .hasMessageContaining("menu, order-status, play, queue");
    }

    @Test
    void danglingNextNamesTheNodeAndTheMissingTarget() {
        assertRefused(HEADER + """
                  - {id: welcome, kind: play, prompt: welcome, next: main-menu}
                """, "welcome", "leads to 'main-menu', which is not a node of this flow");
    }

    @Test
    void danglingMenuOptionIsFoundToo() {
        assertRefused(HEADER + """
                  - id: welcome
                    kind: menu
                    prompt: main-menu
                    options: {"1": {next: nowhere, choice: pre-sale}}
                    invalid-prompt: invalid
                    no-input-prompt: no-input
                    fallback: welcome
                """, "welcome", "leads to 'nowhere'");
    }

    @Test
    void duplicateIdIsRefused() {
        assertRefused(HEADER + """
                  - {id: welcome, kind: play, prompt: welcome}
                  - {id: welcome, kind: hangup}
                """, "welcome", "duplicate node id");
    }

    @Test
    void keyAPhoneCannotSendIsABadKey() {
        assertRefused(HEADER + """
                  - id: welcome
                    kind: menu
                    prompt: main-menu
                    options: {"12": bye}
                    invalid-prompt: invalid
                    no-input-prompt: no-input
                    fallback: bye
                  - {id: bye, kind: hangup}
                """, "welcome", "bad key '12' in 'options'");
    }

    @Test
    void repeatKeyThatIsAlsoAnOptionIsABadKey() {
        assertRefused(HEADER + """
                  - id: welcome
                    kind: menu
                    prompt: main-menu
                    options: {"9": bye}
                    repeat-key: "9"
                    invalid-prompt: invalid
                    no-input-prompt: no-input
                    fallback: bye
                  - {id: bye, kind: hangup}
                """, "welcome", "bad key '9'");
    }

    @Test
    void missingRequiredAttributeIsNamed() {
        assertRefused(HEADER + "  - {id: welcome, kind: queue, prompt: transfer}\n", "welcome", "missing 'queue'");
    }

    @Test
    void misspeltAttributeIsRefusedRatherThanIgnored() {
        assertRefused(HEADER + "  - {id: welcome, kind: play, prompt: welcome, nxt: welcome}\n", "welcome",
                "unknown attribute(s) [nxt]");
    }

    @Test
    void promptNameMayNotEscapeThePromptDirectory() {
        assertRefused(HEADER + "  - {id: welcome, kind: play, prompt: ../../etc/passwd}\n", "welcome",
                "'prompt' must be a prompt name");
    }

    @Test
    void badDurationIsNamed() {
        assertRefused(HEADER + "  - {id: welcome, kind: queue, queue: support, max-wait: forever}\n", "welcome",
                "'max-wait' is not a duration");
    }

    @Test
    void unknownLanguageIsNamed() {
        assertRefused(HEADER + """
                  - {id: welcome, kind: language, prompt: language-menu, options: {"1": fr}, default: en, next: welcome}
                """, "welcome", "unknown language 'fr'");
    }

    @Test
    void dialTargetCannotSmuggleDialOptions() {
        assertRefused(HEADER + "  - {id: welcome, kind: transfer, target: 'PJSIP/200,30,tT'}\n", "welcome",
                "'target' must be a dial string");
    }

    @Test
    void brokenYamlIsReportedWithTheFile() {
        assertRefused("flow: test\nnodes: [\n", "(flow)", "not valid YAML");
    }

    @Test
    void duplicateYamlKeysAreRefused() {
        assertRefused(HEADER + "  - {id: welcome, kind: play, prompt: a, prompt: b}\n", "(flow)", "not valid YAML");
    }

    @Test
    void theDefaultFlowIsValid() {
        assertThat(FlowRig.hotline().nodes()).containsKeys("welcome", "language", "hours", "main-menu",
                "complaint-menu", "order-lookup", "order-status", "offer-callback", "after-hours-message");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String yaml, String node,
            String reason) {
        return assertThatThrownBy(() -> new FlowParser().parse("flows/bad.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(FlowDefinitionException.class)
                .hasMessageStartingWith("flow file 'flows/bad.yaml', node '" + node + "': ")
                .hasMessageContaining(reason);
    }
}
