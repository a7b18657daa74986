package com.funnelgate.gateway.source;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Schedulers;

/**
 * A point in time by which something must be done: a request's answer sent, a source's data in.
 * Created once where a request enters and handed down; every source it asks gets what is left of it.
 * Reads Reactor's clock, so tests on virtual time see virtual deadlines.
 *
 * @param atMillis the deadline on Reactor's parallel scheduler clock, in milliseconds
 */
public record Deadline(long atMillis) {

    /** The deadline {@code budget} from now. */
    public static Deadline in(Duration budget) {
        return new Deadline(now() + budget.toMillis());
    }

    /** The deadline {@code reserve} before this one (e.g. the sources' cut-off before the answer's). */
    public Deadline earlier(Duration reserve) {
        return new Deadline(atMillis - reserve.toMillis());
    }

    /** What is left of it; zero once it has passed. */
    public Duration remaining() {
        return Duration.ofMillis(Math.max(0, atMillis - now()));
    }

    static long now() {
        return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
    }
}
