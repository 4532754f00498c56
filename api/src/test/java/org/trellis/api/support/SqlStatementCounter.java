package org.trellis.api.support;

import jakarta.servlet.Filter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * Counts the SQL statements the application sends, at the JDBC level (jOOQ queries and the transaction's scope
 * setting alike), so tests can assert that a GraphQL request costs a constant number of statements. It also marks
 * where the last GraphQL request started executing, after its caller was signed in, so tests can count the
 * execution's statements apart from the sign-in's. Rate-limit charges are counted apart, in {@link
 * #rateLimitCharges()}, and in none of the other counts: a limited caller's request sends one only when its leases
 * are spent or ended, so whether a request sends one depends on the requests before it, not on what it asks. The
 * outbox announcer's notifications are counted apart too, in {@link #announcements()}: its own thread sends them
 * after writes commit, so they would land in whichever count they overlap.
 */
public final class SqlStatementCounter {

    private static final String SCOPE = "select set_config('trellis.tenant_id'";
    /** The outbox announcer's notifications: sent by its own thread once a write has committed. */
    private static final String ANNOUNCEMENT = "select pg_notify('trellis_outbox'";

    private static final String RATE_LIMIT_CHARGE =
            "select kind, allowed, level, capacity, restore_rate, leased from rate_limit_take(";

    private final AtomicInteger statements = new AtomicInteger();
    /** Statements sent by threads serving an HTTP request, not by background work (relays, listeners, purges). */
    private final AtomicInteger requestStatements = new AtomicInteger();

    private static final ThreadLocal<Boolean> IN_REQUEST = new ThreadLocal<>();
    /** The SQL since the last execution began (kept only that long, so the list stays small). */
    private final List<String> sql = Collections.synchronizedList(new ArrayList<>());

    private volatile int executionStart;
    private final AtomicInteger charges = new AtomicInteger();
    private final AtomicInteger announcements = new AtomicInteger();

    public synchronized void reset() {
        statements.set(0);
        requestStatements.set(0);
        sql.clear();
        executionStart = 0;
        charges.set(0);
        announcements.set(0);
    }

    /** Outbox announcements sent since the last reset (each names the events of one or more commits). */
    public int announcements() {
        return announcements.get();
    }

    /** Rate-limit charges since the last reset (at most one a request). */
    public int rateLimitCharges() {
        return charges.get();
    }

    public int count() {
        return statements.get();
    }

    /**
     * Statements sent while serving HTTP requests (sign-in, rate-limit charge and execution alike), leaving out what
     * background work sent meanwhile: a write's outbox event wakes the outbound relay, whose statements would
     * otherwise land in whichever request's count they overlap.
     */
    public int requestCount() {
        return requestStatements.get();
    }

    /** Statements since the last GraphQL request began executing (its sign-in excluded). */
    public int executionCount() {
        return statements.get() - executionStart;
    }

    /** The SQL of the statements since the last GraphQL request began executing. */
    public List<String> executionStatements() {
        synchronized (sql) {
            return List.copyOf(sql);
        }
    }

    /** How many of those set a transaction's tenant scope, i.e. how many transactions the execution began. */
    public long executionScopes() {
        return executionStatements().stream().filter(s -> s.startsWith(SCOPE)).count();
    }

    private synchronized void markExecution() {
        sql.clear();
        executionStart = statements.get();
    }

    private synchronized void record(String statement) {
        if (statement.startsWith(RATE_LIMIT_CHARGE)) {
            charges.incrementAndGet();
            return;
        }
        if (statement.startsWith(ANNOUNCEMENT)) {
            announcements.incrementAndGet();
            return;
        }
        sql.add(statement);
        statements.incrementAndGet();
        if (Boolean.TRUE.equals(IN_REQUEST.get())) {
            requestStatements.incrementAndGet();
        }
    }

    private DataSource wrap(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    return result instanceof Connection connection ? countingConnection(connection) : result;
                });
    }

    private Connection countingConnection(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("prepareStatement") || name.equals("prepareCall")) {
                record(String.valueOf(args[0]));
            }
            if (name.equals("createStatement")) {
                record("(statement)");
            }
            if (name.equals("unwrap") && args[0] == Connection.class) {
                return connection;
            }
            return invoke(connection, method, args);
        };
        return (Connection)
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Registers the counter and wraps the application's data source with it. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        SqlStatementCounter sqlStatementCounter() {
            return new SqlStatementCounter();
        }

        /** Marks the start of each GraphQL execution: sign-in is over by the time a request gets here. */
        @Bean
        WebGraphQlInterceptor executionMarker(SqlStatementCounter counter) {
            return (request, chain) -> {
                counter.markExecution();
                return chain.next(request);
            };
        }

        /** Marks the threads serving HTTP requests, for {@link #requestCount()}. */
        @Bean
        FilterRegistrationBean<Filter> requestThreadMarker() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                IN_REQUEST.set(true);
                try {
                    chain.doFilter(request, response);
                } finally {
                    IN_REQUEST.remove();
                }
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        @Bean
        static BeanPostProcessor countingDataSource(
                org.springframework.beans.factory.ObjectProvider<SqlStatementCounter> counter) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && beanName.equals("dataSource")
                            ? counter.getObject().wrap(dataSource)
                            : bean;
                }
            };
        }
    }
}
