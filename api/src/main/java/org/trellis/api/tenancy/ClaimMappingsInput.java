package org.trellis.api.tenancy;

import org.springframework.graphql.data.ArgumentValue;

/**
 * GraphQL's {@code ClaimMappingsInput}: claim names to set. An omitted claim keeps its name (the default when
 * registering); a claim always has a name, so null keeps it when registering and is REQUIRED when updating.
 */
record ClaimMappingsInput(
        ArgumentValue<String> subject,
        ArgumentValue<String> email,
        ArgumentValue<String> name,
        ArgumentValue<String> roles) {}
