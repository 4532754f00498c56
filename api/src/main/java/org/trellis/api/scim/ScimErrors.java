package org.trellis.api.scim;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.graphql.UserError;
import tools.jackson.databind.json.JsonMapper;

/** Every SCIM failure in SCIM's error format (RFC 7644 §3.12), with no internals. */
@RestControllerAdvice(
        assignableTypes = {ScimUsersController.class, ScimGroupsController.class, ScimDiscoveryController.class})
class ScimErrors {

    static final String MEDIA_TYPE = "application/scim+json";
    private static final Logger log = LoggerFactory.getLogger(ScimErrors.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ExceptionHandler(ScimException.class)
    ResponseEntity<Map<String, Object>> scim(ScimException e) {
        return error(e.status(), e.scimType(), e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        boolean taken = e.userErrors().stream().anyMatch(error -> error.code() == UserError.Code.ALREADY_EXISTS);
        return taken ? error(409, "uniqueness", e.getMessage()) : error(400, "invalidValue", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return error(404, null, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(ConflictException e) {
        return error(409, null, e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Map<String, Object>> forbidden(ForbiddenException e) {
        return error(403, null, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return error(400, "invalidSyntax", "The request body is not valid JSON.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        log.error("Unexpected SCIM failure", e);
        return error(500, null, "Internal error.");
    }

    static ResponseEntity<Map<String, Object>> error(int status, @Nullable String scimType, String detail) {
        return ResponseEntity.status(HttpStatus.valueOf(status))
                .header("Content-Type", MEDIA_TYPE)
                .body(body(status, scimType, detail));
    }

    static void write(HttpServletResponse response, int status, @Nullable String scimType, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.getOutputStream()
                .write(JSON.writeValueAsString(body(status, scimType, detail)).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> body(int status, @Nullable String scimType, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:Error"));
        body.put("status", Integer.toString(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail);
        return body;
    }
}
