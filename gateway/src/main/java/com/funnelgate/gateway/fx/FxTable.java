package com.funnelgate.gateway.fx;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Daily rates in US dollars per unit of each currency, and conversions through them. A day without
 * its own rate uses the latest earlier one within {@code maxStaleDays}; otherwise there is no rate,
 * and the conversion says so rather than guessing.
 */
public final class FxTable {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final Map<String, NavigableMap<LocalDate, BigDecimal>> usdPerUnit;
    private final String target;
    private final int maxStaleDays;

    public FxTable(Map<String, NavigableMap<LocalDate, BigDecimal>> usdPerUnit, String target, int maxStaleDays) {
        this.usdPerUnit = Map.copyOf(usdPerUnit);
        this.target = target;
        this.maxStaleDays = maxStaleDays;
    }

    /** {@code amount} in {@code currency} on {@code day}, in the target currency; empty without a rate. */
    public Optional<BigDecimal> convert(BigDecimal amount, String currency, LocalDate day) {
        if (currency.equals(target)) {
            return Optional.of(amount);
        }
        Optional<BigDecimal> from = rate(currency, day);
        Optional<BigDecimal> to = target.equals("USD") ? Optional.of(BigDecimal.ONE) : rate(target, day);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(amount.multiply(from.get(), PRECISION).divide(to.get(), PRECISION));
    }

    /** The target currency amounts are converted into. */
    public String target() {
        return target;
    }

    private Optional<BigDecimal> rate(String currency, LocalDate day) {
        if (currency.equals("USD")) {
            return Optional.of(BigDecimal.ONE);
        }
        NavigableMap<LocalDate, BigDecimal> rates = usdPerUnit.get(currency);
        Map.Entry<LocalDate, BigDecimal> latest = rates == null ? null : rates.floorEntry(day);
        if (latest == null || ChronoUnit.DAYS.between(latest.getKey(), day) > maxStaleDays) {
            return Optional.empty();
        }
        return Optional.of(latest.getValue());
    }
}
