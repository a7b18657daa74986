package com.funnelgate.gateway.fx;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import reactor.core.publisher.Mono;

/**
 * Made-up daily rates for the demo and the ad-network sandbox: a plausible level per currency that
 * drifts a little from day to day, the same on every run. Only the currencies below have rates, so
 * the demo can also show what a missing rate looks like. Never for real money.
 */
final class DemoFxRates implements FxRates {

    /** US dollars per unit, roughly late-2026 levels. */
    private static final Map<String, Double> LEVELS = Map.of("EUR", 1.08, "GBP", 1.27, "INR", 0.0119,
            "NPR", 0.00745, "AUD", 0.655, "JPY", 0.0066, "CAD", 0.73, "CHF", 1.12);

    private final int maxStaleDays;

    DemoFxRates(int maxStaleDays) {
        this.maxStaleDays = maxStaleDays;
    }

    @Override
    public Mono<FxTable> table(Set<String> currencies, String target, LocalDate first, LocalDate last) {
        Set<String> needed = new HashSet<>(currencies);
        needed.add(target);
        Map<String, NavigableMap<LocalDate, BigDecimal>> rates = new HashMap<>();
        for (String currency : needed) {
            Double level = LEVELS.get(currency);
            if (level == null) {
                continue;
            }
            NavigableMap<LocalDate, BigDecimal> daily = new TreeMap<>();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                double drift = 1 + 0.02 * Math.sin(day.toEpochDay() / 9.0 + currency.hashCode());
                daily.put(day, new BigDecimal(level * drift, MathContext.DECIMAL64));
            }
            rates.put(currency, daily);
        }
        return Mono.just(new FxTable(rates, target, maxStaleDays));
    }
}
