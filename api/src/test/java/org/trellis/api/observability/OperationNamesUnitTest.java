package org.trellis.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationNamesUnitTest {

    @Test
    void namesUpToTheCapThenCountsNewOnesAsOther() {
        OperationNames names = new OperationNames(2);
        assertThat(names.of("First")).isEqualTo("First");
        assertThat(names.of("Second")).isEqualTo("Second");
        assertThat(names.of("Third")).isEqualTo("other");
        assertThat(names.of("First")).isEqualTo("First");
    }

    @Test
    void bucketsUnnamedAndUnvalidatedOperations() {
        OperationNames names = new OperationNames(10);
        assertThat(names.of((String) null)).isEqualTo("anonymous");
        assertThat(names.of("")).isEqualTo("anonymous");
        assertThat(names.of((graphql.execution.ExecutionContext) null)).isEqualTo("unknown");
        assertThat(names.of("x".repeat(65))).isEqualTo("other");
    }

    @Test
    void logsOnlyWellFormedRequestedNames() {
        assertThat(OperationNames.requested("Dashboard_2")).isEqualTo("Dashboard_2");
        assertThat(OperationNames.requested("a b")).isNull();
        assertThat(OperationNames.requested("x\n{\"level\":\"ERROR\"}")).isNull();
        assertThat(OperationNames.requested(null)).isNull();
    }
}
