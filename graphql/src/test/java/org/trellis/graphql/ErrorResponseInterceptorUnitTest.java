package org.trellis.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ErrorClassification;
import org.junit.jupiter.api.Test;

/** Every error class the stack can produce maps to one of ours. */
class ErrorResponseInterceptorUnitTest {

    @Test
    void classifiesEngineErrorsAsBadRequests() {
        assertThat(ErrorResponseInterceptor.classify(graphql.ErrorType.ValidationError, false))
                .isEqualTo(ErrorType.BAD_REQUEST);
        assertThat(ErrorResponseInterceptor.classify(graphql.ErrorType.InvalidSyntax, false))
                .isEqualTo(ErrorType.BAD_REQUEST);
        assertThat(ErrorResponseInterceptor.classify(
                        ErrorClassification.errorClassification("IntrospectionDisabled"), false))
                .isEqualTo(ErrorType.BAD_REQUEST);
    }

    @Test
    void classifiesUnknownFieldErrorsAsInternal() {
        assertThat(ErrorResponseInterceptor.classify(ErrorClassification.errorClassification("Weird"), true))
                .isEqualTo(ErrorType.INTERNAL);
        assertThat(ErrorResponseInterceptor.classify(graphql.ErrorType.DataFetchingException, true))
                .isEqualTo(ErrorType.INTERNAL);
    }

    @Test
    void translatesSpringClassifications() {
        assertThat(ErrorResponseInterceptor.classify(
                        org.springframework.graphql.execution.ErrorType.UNAUTHORIZED, true))
                .isEqualTo(ErrorType.UNAUTHENTICATED);
        assertThat(ErrorResponseInterceptor.classify(org.springframework.graphql.execution.ErrorType.NOT_FOUND, true))
                .isEqualTo(ErrorType.NOT_FOUND);
    }
}
