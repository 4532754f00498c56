package org.trellis.api.support;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Turns the audit trail's log lines on for each test of the class or method it extends, and back to the level
 * configured before afterwards: production logs them only at DEBUG ({@code TRELLIS_AUDIT_LOG_LEVEL}), off by default.
 */
public final class AuditLogLines implements BeforeEachCallback, AfterEachCallback {

    private static final String LOGGER = "org.trellis.api.audit.AuditTrail";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AuditLogLines.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        LoggerConfiguration configured = loggingSystem().getLoggerConfiguration(LOGGER);
        context.getStore(NAMESPACE)
                .put(LOGGER, new Configured(configured == null ? null : configured.getConfiguredLevel()));
        loggingSystem().setLogLevel(LOGGER, LogLevel.DEBUG);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Configured before = context.getStore(NAMESPACE).remove(LOGGER, Configured.class);
        loggingSystem().setLogLevel(LOGGER, before == null ? null : before.level());
    }

    private static LoggingSystem loggingSystem() {
        return LoggingSystem.get(AuditLogLines.class.getClassLoader());
    }

    private record Configured(@Nullable LogLevel level) {}
}
