package org.trellis.api.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application sends, at the JDBC level (jOOQ queries and the transaction's scope
 * setting alike), so tests can assert that a GraphQL request costs a constant number of statements.
 */
public final class SqlStatementCounter {

    private final AtomicInteger statements = new AtomicInteger();

    public void reset() {
        statements.set(0);
    }

    public int count() {
        return statements.get();
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
                statements.incrementAndGet();
            }
            if (name.equals("createStatement")) {
                statements.incrementAndGet();
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
