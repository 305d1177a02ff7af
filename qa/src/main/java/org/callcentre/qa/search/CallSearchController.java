package org.callcentre.qa.search;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callcentre.recording.CallHit;
import org.callcentre.recording.CallSearch;
import org.callcentre.recording.InvalidSearchQuery;
import org.callcentre.recording.SearchQuery;
import org.callcentre.recording.UtteranceHit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/calls?q=...&limit=...}: searches what was said on calls, a hit per call;
 * {@code GET /api/utterances?q=...&limit=...}: the single stretches of speech, with who spoke
 * ({@code speaker:customer}, {@code speaker:agent}, {@code speaker:ivr}) and highlights. QA staff,
 * supervisors and admins search every call; an agent searches only the calls they answered.
 */
@RestController
class CallSearchController {

    /** Longer than any query an analyst types; a pasted transcript is refused with this number. */
    static final int MAX_QUERY = 1000;
    private static final String TOO_LONG = "is longer than {max} characters: search with fewer words";

    private static final Set<String> SEE_ALL_CALLS = Set.of("ROLE_QA", "ROLE_SUPERVISOR", "ROLE_ADMIN");

    private final CallSearch search;

    CallSearchController(CallSearch search) {
        this.search = search;
    }

    @GetMapping("/api/calls")
    List<CallHit> search(@RequestParam(defaultValue = "") @Size(max = MAX_QUERY, message = TOO_LONG) String q,
            @RequestParam(defaultValue = "20") int limit, Authentication user) {
        return search.search(new SearchQuery(q, onlyOwnCalls(user), limit));
    }

    @GetMapping("/api/utterances")
    List<UtteranceHit> searchUtterances(@RequestParam(defaultValue = "") @Size(max = MAX_QUERY, message = TOO_LONG) String q,
            @RequestParam(defaultValue = "20") int limit, Authentication user) {
        return search.searchUtterances(new SearchQuery(q, onlyOwnCalls(user), limit));
    }

    private static Optional<String> onlyOwnCalls(Authentication user) {
        boolean seesAll = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(SEE_ALL_CALLS::contains);
        return seesAll ? Optional.empty() : Optional.of(user.getName());
    }

    /**
     * A problem detail naming the parameter at fault in {@code errors}; a syntax error also gives
     * the {@code position} in the query (the first character is 1) and the {@code fragment} there.
     */
    @ExceptionHandler(InvalidSearchQuery.class)
    ProblemDetail invalidQuery(InvalidSearchQuery e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid search query");
        String parameter = e.part() == InvalidSearchQuery.Part.LIMIT ? "limit" : "q";
        problem.setProperty("errors", List.of(Map.of("field", parameter, "reason", e.getMessage())));
        e.position().ifPresent(p -> problem.setProperty("position", p));
        e.fragment().ifPresent(f -> problem.setProperty("fragment", f));
        return problem;
    }

    @ExceptionHandler(CallSearch.IndexUnavailable.class)
    ProblemDetail indexUnavailable(CallSearch.IndexUnavailable e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The call index is unavailable; try again shortly.");
        problem.setTitle("Search unavailable");
        return problem;
    }
}
