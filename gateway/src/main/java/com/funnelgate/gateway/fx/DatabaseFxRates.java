package com.funnelgate.gateway.fx;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rates from the {@code fx_rates} table. Read a currency-month at a time and cached for an hour:
 * published rates do not change, and a report needs at most a few months of a few currencies.
 */
final class DatabaseFxRates implements FxRates {

    private final DatabaseClient db;
    private final int maxStaleDays;
    private final AsyncLoadingCache<CurrencyMonth, Map<LocalDate, BigDecimal>> months;

    DatabaseFxRates(DatabaseClient db, int maxStaleDays) {
        this.db = db;
        this.maxStaleDays = maxStaleDays;
        this.months = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(Duration.ofHours(1))
                .buildAsync((month, executor) -> load(month).toFuture());
    }

    @Override
    public Mono<FxTable> table(Set<String> currencies, String target, LocalDate first, LocalDate last) {
        Set<String> needed = new HashSet<>(currencies);
        needed.add(target);
        needed.remove("USD");
        List<YearMonth> span = monthsBetween(first.minusDays(maxStaleDays), last);
        return Flux.fromIterable(needed)
                .flatMap(currency -> Flux.fromIterable(span)
                        .flatMap(month -> Mono.fromFuture(() -> months.get(new CurrencyMonth(currency, month)), true))
                        .collect(() -> new TreeMap<LocalDate, BigDecimal>(), TreeMap::putAll)
                        .map(rates -> Map.<String, NavigableMap<LocalDate, BigDecimal>>entry(currency, rates)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(rates -> new FxTable(rates, target, maxStaleDays));
    }

    private static List<YearMonth> monthsBetween(LocalDate first, LocalDate last) {
        List<YearMonth> span = new ArrayList<>();
        for (YearMonth month = YearMonth.from(first); !month.isAfter(YearMonth.from(last)); month = month.plusMonths(1)) {
            span.add(month);
        }
        return span;
    }

    private Mono<Map<LocalDate, BigDecimal>> load(CurrencyMonth key) {
        return db.sql("select day, usd_per_unit from fx_rates where currency = :currency and day between :first and :last")
                .bind("currency", key.currency())
                .bind("first", key.month().atDay(1))
                .bind("last", key.month().atEndOfMonth())
                .map(row -> Map.entry(row.get("day", LocalDate.class), row.get("usd_per_unit", BigDecimal.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private record CurrencyMonth(String currency, YearMonth month) {
    }
}
