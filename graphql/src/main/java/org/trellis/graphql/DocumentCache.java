package org.trellis.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated documents by their text, so a document clients send again and again is parsed and validated
 * once. Only the text is the key: variables are bound per request, and everything that depends on them or on the
 * caller (the price in {@link RequestLimitsInstrumentation}, the introspection switch, the data) runs per request.
 * Only valid documents are kept, so invalid ones cannot push them out and their error messages (which follow the
 * request's locale) are never reused. The cache holds at most {@code maxDocuments} documents, least used out first.
 */
public final class DocumentCache implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;

    public DocumentCache(long maxDocuments) {
        this.documents = Caffeine.newBuilder()
                .maximumSize(maxDocuments)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry cached = documents.getIfPresent(input.getQuery());
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            documents.put(input.getQuery(), entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    /** How many documents are kept now. */
    long size() {
        documents.cleanUp();
        return documents.estimatedSize();
    }
}
