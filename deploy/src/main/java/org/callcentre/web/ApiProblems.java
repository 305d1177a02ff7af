package org.callcentre.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.callcentre.ivr.InvalidInput;
import org.callcentre.ivr.NoSuchCall;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error of the API is an RFC 9457 problem detail, and every 400 names what was wrong: its
 * {@code errors} property lists {@code {"field": ..., "reason": ...}}, and {@code detail} says the
 * same in one sentence. Spring MVC's own errors (unreadable JSON, a parameter of the wrong type,
 * a missing parameter, bean validation) are given that shape here, as is {@link InvalidInput}
 * thrown by any module. Controllers keep their own handlers for their domain's refusals.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    static final URI INVALID_INPUT = URI.create("urn:callcentre:problem:invalid-input");

    /** One thing wrong with a request: the field (body property, parameter) and why. */
    record FieldProblem(@Nullable String field, String reason) {
        @Override
        public String toString() {
            return field == null ? reason : field + ": " + reason;
        }
    }

    static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        problem.setType(INVALID_INPUT);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(NoSuchCall.class)
    ProblemDetail noSuchCall(NoSuchCall e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such call");
        return problem;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput e) {
        return invalid(List.of(new FieldProblem(e.field(), e.reason())));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), reason(f)))
                .forEach(errors::add);
        ex.getBindingResult().getGlobalErrors().stream()
                .map(g -> new FieldProblem(null, String.valueOf(g.getDefaultMessage())))
                .forEach(errors::add);
        return answer(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(e -> new FieldProblem(parameterName(r.getMethodParameter()), message(e))))
                .toList();
        return answer(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        return answer(ex, List.of(new FieldProblem(field, notA(ex.getValue(), ex.getRequiredType()))), headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(ex, List.of(new FieldProblem(ex.getParameterName(), "is required")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(ex, List.of(unreadable(ex)), headers, request);
    }

    private ResponseEntity<Object> answer(Exception ex, List<FieldProblem> errors, HttpHeaders headers,
            WebRequest request) {
        return handleExceptionInternal(ex, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** What Jackson could not read, as the user wrote it: the property and the value it refused. */
    static FieldProblem unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        if (!(cause instanceof JacksonException j)) {
            return new FieldProblem(null, "the request body is missing or is not JSON");
        }
        String field = path(j);
        if (j instanceof InvalidFormatException f) {
            return new FieldProblem(field, notA(f.getValue(), f.getTargetType()));
        }
        if (j instanceof MismatchedInputException m && m.getTargetType() != null && field != null) {
            return new FieldProblem(field, "must be " + typeName(m.getTargetType()));
        }
        if (j instanceof StreamReadException && j.getLocation() != null) {
            return new FieldProblem(field, "the body is not valid JSON at line " + j.getLocation().getLineNr()
                    + ", column " + j.getLocation().getColumnNr());
        }
        return new FieldProblem(field, field == null ? "the request body is not valid JSON"
                : "has a value that cannot be read");
    }

    private static @Nullable String path(JacksonException j) {
        String path = j.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? null : path;
    }

    private static String notA(@Nullable Object value, @Nullable Class<?> type) {
        return "'" + value + "' is not " + typeName(type);
    }

    private static String typeName(@Nullable Class<?> type) {
        if (type == null) {
            return "valid";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        return "a valid " + type.getSimpleName();
    }

    private static String reason(FieldError f) {
        return f.isBindingFailure() ? notA(f.getRejectedValue(), null) : String.valueOf(f.getDefaultMessage());
    }

    private static String message(MessageSourceResolvable e) {
        return String.valueOf(e.getDefaultMessage());
    }

    private static String parameterName(MethodParameter p) {
        RequestParam param = p.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        if (param != null && !param.value().isEmpty()) {
            return param.value();
        }
        return p.getParameterName() == null ? "parameter " + p.getParameterIndex() : p.getParameterName();
    }
}
