package org.callcentre.ivr.testcall;

import jakarta.validation.Valid;
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

    record TestCallRequest(
            @Size(max = SyntheticCaller.MAX_SENTENCE) String sentence,
            @Pattern(regexp = "[0-9*#]?", message = "must be one menu key (0-9, * or #) or empty") String key) {
    }

    @PostMapping("/api/test-calls")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> place(@Valid @RequestBody TestCallRequest request) throws IOException, InterruptedException {
        return Map.of("callId", caller.call(request.sentence(), request.key()));
    }
}
