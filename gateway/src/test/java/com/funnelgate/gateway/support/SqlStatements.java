package com.funnelgate.gateway.support;

import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.ConnectionFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Records every SQL statement a gateway sends to PostgreSQL, by wrapping its R2DBC
 * {@link ConnectionFactory} in r2dbc-proxy: what tests read to tell which sources a report asked
 * and how often the funnel store was really queried. Register {@link #postProcessor()} from a
 * static {@code @Bean} method of a test configuration.
 */
public final class SqlStatements {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    /** Every statement sent since the start or the last {@link #clear()}, in order. */
    public List<String> all() {
        return List.copyOf(statements);
    }

    /** Funnel-report statements among them: each reads a rollup table and the raw tail in one statement. */
    public long funnelReports() {
        return statements.stream()
                .filter(sql -> sql.contains("union all") && sql.contains("from funnel_events"))
                .count();
    }

    public void clear() {
        statements.clear();
    }

    /** Wraps every connection factory of the context in the recording proxy. */
    public BeanPostProcessor postProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof ConnectionFactory factory) || bean.getClass().getName().contains("Proxy")) {
                    return bean;
                }
                return ProxyConnectionFactory.builder(factory).listener(new ProxyExecutionListener() {
                    @Override
                    public void beforeQuery(QueryExecutionInfo execution) {
                        execution.getQueries().forEach(query -> statements.add(query.getQuery()));
                    }
                }).build();
            }
        };
    }
}
