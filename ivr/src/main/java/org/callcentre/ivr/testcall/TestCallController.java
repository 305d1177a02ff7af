package org.callcentre.ivr.testcall;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/test-calls}: places a synthetic call to the hotline (admins only). Answers
 * 202 with the call id; the journey and, once transcribed, the search hit follow.
 */
@RestController
@ConditionalOnProperty(name = "callcentre.ivr.test-call.enabled", havingValue = "true") // also component-scanned
class TestCallController {

    private final SyntheticCaller caller;

    TestCallController(SyntheticCaller caller) {
        this.caller = caller;
    }

    /**
     * Either {@code key}: an English caller pressing one main-menu key (the line presets English),
     * or {@code keys}: everything the caller presses from the first question on, with 'w'/'W'
     * pauses of half a second and a second, optionally with a preset {@code language}, a
     * {@code callerNumber} and the {@code flow} to run; with {@code keys}, also what the stand-in
     * agent keys ({@code agentKeys}) and in-band DTMF the customer keys after the sentence
     * ({@code inbandDigits}, repeated for {@code inbandSeconds}).
     */
    record TestCallRequest(
            @Size(max = SyntheticCaller.MAX_SENTENCE) String sentence,
            @Pattern(regexp = "[0-9*#]?", message = "must be one menu key (0-9, * or #) or empty") String key,
            @Pattern(regexp = "[0-9*#wW]{0,120}", message = "must be keys 0-9, * or #, and pauses w or W "
                    + "(at most 120)") String keys,
            @Pattern(regexp = "en|zh", message = "must be en or zh") String language,
            @Pattern(regexp = "[0-9]{3,15}", message = "must be 3 to 15 digits") String callerNumber,
            @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be a flow name") String flow,
            @Pattern(regexp = "[0-9*#wW]{0,60}", message = "must be keys 0-9, * or #, and pauses w or W "
                    + "(at most 60)") String agentKeys,
            @Pattern(regexp = "[0-9*#]{0,32}", message = "must be keys 0-9, * or # (at most 32)") String inbandDigits,
            @Min(0) @Max(60) Integer inbandSeconds) {

        @AssertTrue(message = "give either key or keys, not both")
        boolean isKeyOrKeys() {
            return key == null || key.isEmpty() || keys == null;
        }

        SyntheticCaller.Script script() {
            return keys == null ? SyntheticCaller.Script.oneKey(sentence, key)
                    : new SyntheticCaller.Script(sentence, keys, language, callerNumber, flow, agentKeys,
                            inbandDigits, inbandSeconds == null ? 0 : inbandSeconds);
        }
    }

    @PostMapping("/api/test-calls")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> place(@Valid @RequestBody TestCallRequest request) throws IOException, InterruptedException {
        return Map.of("callId", caller.call(request.script()));
    }
}
