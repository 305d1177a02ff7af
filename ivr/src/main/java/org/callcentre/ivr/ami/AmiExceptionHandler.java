package org.callcentre.ivr.ami;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Asterisk down or refusing an action: 503 / 409 for the API caller, with Asterisk's words. */
@RestControllerAdvice
class AmiExceptionHandler {

    @ExceptionHandler(AmiConnection.AsteriskUnavailable.class)
    ProblemDetail unavailable(AmiConnection.AsteriskUnavailable e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(AmiConnection.AmiActionFailed.class)
    ProblemDetail refused(AmiConnection.AmiActionFailed e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
