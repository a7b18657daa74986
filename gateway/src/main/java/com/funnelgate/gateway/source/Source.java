package com.funnelgate.gateway.source;

import reactor.core.publisher.Mono;

/**
 * A source of report data (the funnel store, an ad account's network): given what to fetch and the
 * request's deadline, it answers with its data and how it went ({@link Sourced}) by the deadline. It
 * never fails the Mono: a source that does not answer says so in the outcome (FAILED, with why).
 *
 * <p>Protections and caching are decorators of this one interface, applied where the application is
 * wired ({@code SourceGuard.decorate}, {@code Caching.decorate}), so every source gets the same ones.
 *
 * @param <Q> what to fetch
 * @param <T> the data
 */
@FunctionalInterface
public interface Source<Q, T> {

    Mono<Sourced<T>> fetch(Q query, Deadline deadline);
}
