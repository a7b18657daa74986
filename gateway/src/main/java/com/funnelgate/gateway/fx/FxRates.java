package com.funnelgate.gateway.fx;

import java.time.LocalDate;
import java.util.Set;
import reactor.core.publisher.Mono;

/** Daily exchange rates, from whichever source is configured ({@link FxProperties#source()}). */
public interface FxRates {

    /**
     * What it takes to convert amounts in any of {@code currencies} into {@code target} on the days
     * from {@code first} to {@code last}: the rates of those days and of the days just before.
     */
    Mono<FxTable> table(Set<String> currencies, String target, LocalDate first, LocalDate last);
}
