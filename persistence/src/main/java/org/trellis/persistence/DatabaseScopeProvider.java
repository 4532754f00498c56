package org.trellis.persistence;

/** Supplies the scope of the transaction about to begin; the application derives it from the verified caller. */
@FunctionalInterface
public interface DatabaseScopeProvider {

    DatabaseScope currentScope();
}
