package org.trellis.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.trellis.graphql.ErrorType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Failures no request can provoke on purpose still answer an opaque 500 in their path's format. */
class HttpErrorsUnitTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> TYPES = Map.of(
            "/graphql", "application/json",
            "/scim/v2/Users", "application/scim+json",
            "/webhooks/abc", "application/problem+json");

    @Test
    void answersAnUnexpectedFailureAsAnOpaque500InThePathsFormat() throws Exception {
        for (var path : TYPES.entrySet()) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", path.getKey());
            request.setAttribute(CorrelationFilter.ATTRIBUTE, "corr-12345678");
            MockHttpServletResponse response = new MockHttpServletResponse();
            new HttpErrors().handle(new IllegalStateException("jdbc:postgresql://db/secret failed"), request, response);
            assertOpaque500(path.getKey(), path.getValue(), response);
        }
    }

    @Test
    void theErrorPageAnswersAnEscapedExceptionAsAnOpaque500() throws Exception {
        for (var path : TYPES.entrySet()) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path.getKey());
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
            request.setAttribute(
                    RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("jdbc:postgresql://db/secret"));
            request.setAttribute(CorrelationFilter.ATTRIBUTE, "corr-12345678");
            MockHttpServletResponse response = new MockHttpServletResponse();
            new ErrorPageController().error(request, response);
            assertOpaque500(path.getKey(), path.getValue(), response);
        }
    }

    /** No authorization rule refuses an authenticated request at the HTTP layer today; the handler is ready. */
    @Test
    void accessDeniedAnswers403WithAChallengeAndTheFamilysBody() throws Exception {
        MockHttpServletRequest graphQl = new MockHttpServletRequest("POST", "/graphql");
        MockHttpServletResponse denied = new MockHttpServletResponse();
        SecurityConfiguration.accessDenied()
                .handle(graphQl, denied, new org.springframework.security.access.AccessDeniedException("no"));
        assertThat(denied.getStatus()).isEqualTo(403);
        assertThat(denied.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(JSON.readTree(denied.getContentAsString())
                        .at("/errors/0/extensions/classification")
                        .asString())
                .isEqualTo("FORBIDDEN");

        MockHttpServletRequest other = new MockHttpServletRequest("GET", "/actuator/env");
        MockHttpServletResponse thrown = new MockHttpServletResponse();
        new HttpErrors().handle(new org.springframework.security.access.AccessDeniedException("no"), other, thrown);
        assertThat(thrown.getStatus()).isEqualTo(403);
        assertThat(thrown.getContentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(thrown.getContentAsString())
                        .get("classification")
                        .asString())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void classifiesStatusesTheWayGraphQlErrorsAre() {
        assertThat(ErrorResponses.classify(400)).isEqualTo(ErrorType.BAD_REQUEST);
        assertThat(ErrorResponses.classify(401)).isEqualTo(ErrorType.UNAUTHENTICATED);
        assertThat(ErrorResponses.classify(403)).isEqualTo(ErrorType.FORBIDDEN);
        assertThat(ErrorResponses.classify(404)).isEqualTo(ErrorType.NOT_FOUND);
        assertThat(ErrorResponses.classify(405)).isEqualTo(ErrorType.BAD_REQUEST);
        assertThat(ErrorResponses.classify(409)).isEqualTo(ErrorType.CONFLICT);
        assertThat(ErrorResponses.classify(413)).isEqualTo(ErrorType.BAD_REQUEST);
        assertThat(ErrorResponses.classify(500)).isEqualTo(ErrorType.INTERNAL);
        assertThat(ErrorResponses.classify(503)).isEqualTo(ErrorType.UNAVAILABLE);
    }

    @Test
    void familiesFollowThePathNotItsLookalikes() {
        assertThat(ErrorResponses.Family.of("/graphql")).isEqualTo(ErrorResponses.Family.GRAPHQL);
        assertThat(ErrorResponses.Family.of("/graphql/x")).isEqualTo(ErrorResponses.Family.GRAPHQL);
        assertThat(ErrorResponses.Family.of("/graphqlx")).isEqualTo(ErrorResponses.Family.OTHER);
        assertThat(ErrorResponses.Family.of("/graphiql")).isEqualTo(ErrorResponses.Family.OTHER);
        assertThat(ErrorResponses.Family.of("/scim/v2")).isEqualTo(ErrorResponses.Family.SCIM);
        assertThat(ErrorResponses.Family.of("/scim/v2/Users")).isEqualTo(ErrorResponses.Family.SCIM);
        assertThat(ErrorResponses.Family.of("/scim/v20")).isEqualTo(ErrorResponses.Family.OTHER);
    }

    private static void assertOpaque500(String path, String type, MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString();
        assertThat(response.getStatus()).as(path).isEqualTo(500);
        assertThat(response.getContentType()).as(path).startsWith(type);
        assertThat(response.getHeader("X-Correlation-Id")).isEqualTo("corr-12345678");
        assertThat(body).as(path).contains("Internal error.").doesNotContain("jdbc", "secret", "Exception");
        JsonNode json = JSON.readTree(body);
        switch (path) {
            case "/graphql" -> {
                assertThat(json.at("/errors/0/extensions/classification").asString())
                        .isEqualTo("INTERNAL");
                assertThat(json.at("/errors/0/extensions/correlationId").asString())
                        .isEqualTo("corr-12345678");
            }
            case "/scim/v2/Users" -> assertThat(json.get("status").asString()).isEqualTo("500");
            default -> {
                assertThat(json.get("status").asInt()).isEqualTo(500);
                assertThat(json.get("classification").asString()).isEqualTo("INTERNAL");
            }
        }
    }
}
