package org.trellis.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Registers the custom scalars the schema declares ({@code DateTime}, which also serializes {@link Instant} as UTC, and {@code Date}). */
public final class ScalarWiring implements RuntimeWiringConfigurer {

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar(ExtendedScalars.DateTime)
            .coercing(new InstantAwareCoercing(ExtendedScalars.DateTime.getCoercing()))
            .build();

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        builder.scalar(DATE_TIME);
        builder.scalar(ExtendedScalars.Date);
    }

    private record InstantAwareCoercing(Coercing<?, ?> delegate) implements Coercing<Object, Object> {

        @Override
        public @Nullable Object serialize(Object value, GraphQLContext context, Locale locale)
                throws CoercingSerializeException {
            Object input = value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value;
            return delegate.serialize(input, context, locale);
        }

        @Override
        public @Nullable Object parseValue(Object input, GraphQLContext context, Locale locale)
                throws CoercingParseValueException {
            return delegate.parseValue(input, context, locale);
        }

        @Override
        public @Nullable Object parseLiteral(
                Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
                throws CoercingParseLiteralException {
            return delegate.parseLiteral(input, variables, context, locale);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return delegate.valueToLiteral(input, context, locale);
        }
    }
}
