package org.trellis.api.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Turns the audit trail's log lines on for each test of the class or method it extends, and off again afterwards:
 * production logs them only at DEBUG ({@code TRELLIS_AUDIT_LOG_LEVEL}), which is off by default.
 */
public final class AuditLogLines implements BeforeEachCallback, AfterEachCallback {

    private static final String LOGGER = "org.trellis.api.audit.AuditTrail";

    @Override
    public void beforeEach(ExtensionContext context) {
        loggingSystem().setLogLevel(LOGGER, LogLevel.DEBUG);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        loggingSystem().setLogLevel(LOGGER, null);
    }

    private static LoggingSystem loggingSystem() {
        return LoggingSystem.get(AuditLogLines.class.getClassLoader());
    }
}
