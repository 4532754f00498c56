package org.trellis.api.scim;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.system.ErrorResponses;
import org.trellis.graphql.UserError;

/**
 * SCIM's domain failures with their SCIM error types (RFC 7644 §3.12). The body is written by
 * {@link ErrorResponses}, which also answers every other failure under {@code /scim/v2} (no route, media types,
 * limits, credentials, anything unexpected) in SCIM's format. Ordered before that catch-all.
 */
@Order(0)
@RestControllerAdvice(
        assignableTypes = {ScimUsersController.class, ScimGroupsController.class, ScimDiscoveryController.class})
class ScimErrors {

    static final String MEDIA_TYPE = ErrorResponses.SCIM_JSON;

    @ExceptionHandler(ScimException.class)
    void scim(ScimException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorResponses.write(request, response, e.status(), e.scimType(), e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    void invalid(InvalidInputException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean taken = e.userErrors().stream().anyMatch(error -> error.code() == UserError.Code.ALREADY_EXISTS);
        ErrorResponses.write(
                request, response, taken ? 409 : 400, taken ? "uniqueness" : "invalidValue", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    void notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorResponses.write(request, response, 404, null, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    void conflict(ConflictException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorResponses.write(request, response, 409, null, e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    void forbidden(ForbiddenException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ErrorResponses.write(request, response, 403, null, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    void unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ErrorResponses.write(request, response, 400, "invalidSyntax", "The request body is not valid JSON.");
    }
}
