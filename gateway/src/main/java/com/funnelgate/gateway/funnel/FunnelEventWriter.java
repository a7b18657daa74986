package com.funnelgate.gateway.funnel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import java.nio.charset.StandardCharsets;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Appends funnel events in bulk with PostgreSQL's {@code COPY}, streamed in chunks as they are
 * produced, so loading millions of events (demo, benchmark, tests) takes seconds, not minutes.
 * All events of one call land in one transaction.
 */
@Component
public class FunnelEventWriter {

    private static final String COPY = "copy funnel_events (tenant_id, site_id, cta_id, visitor_id, event_type, "
            + "occurred_at, utm_source, utm_medium, utm_campaign, ad_network, ad_campaign_id, revenue) from stdin";
    private static final int EVENTS_PER_CHUNK = 2_000;

    private final DatabaseClient db;

    public FunnelEventWriter(DatabaseClient db) {
        this.db = db;
    }

    /** Writes the events; completes with how many were written. */
    public Mono<Long> write(Flux<FunnelEvent> events) {
        Flux<ByteBuf> chunks = events.buffer(EVENTS_PER_CHUNK).map(FunnelEventWriter::encode);
        return db.inConnection(connection -> postgres(connection).copyIn(COPY, chunks));
    }

    private static PostgresqlConnection postgres(Connection connection) {
        Object unwrapped = connection;
        while (!(unwrapped instanceof PostgresqlConnection) && unwrapped instanceof Wrapped<?> wrapped) {
            unwrapped = wrapped.unwrap();
        }
        if (unwrapped instanceof PostgresqlConnection postgres) {
            return postgres;
        }
        throw new IllegalStateException("COPY needs a PostgreSQL connection, got " + connection.getClass().getName());
    }

    private static ByteBuf encode(java.util.List<FunnelEvent> events) {
        StringBuilder text = new StringBuilder(events.size() * 160);
        for (FunnelEvent e : events) {
            text.append(e.tenantId()).append('\t')
                    .append(e.siteId()).append('\t')
                    .append(e.ctaId()).append('\t')
                    .append(e.visitorId()).append('\t')
                    .append(e.type().name()).append('\t')
                    .append(e.occurredAt()).append('\t');
            field(text, e.utmSource()).append('\t');
            field(text, e.utmMedium()).append('\t');
            field(text, e.utmCampaign()).append('\t');
            field(text, e.network() == null ? null : e.network().name()).append('\t');
            field(text, e.campaignId()).append('\t');
            field(text, e.revenue() == null ? null : e.revenue().toPlainString()).append('\n');
        }
        return Unpooled.wrappedBuffer(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A value in COPY's text format: {@code \N} for null, backslash escapes for the specials. */
    private static StringBuilder field(StringBuilder text, String value) {
        if (value == null) {
            return text.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return text;
    }
}
