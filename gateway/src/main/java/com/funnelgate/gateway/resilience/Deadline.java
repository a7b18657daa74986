package com.funnelgate.gateway.resilience;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Schedulers;

/**
 * The one deadline of a request: every source it asks gets what is left of it. Reads Reactor's
 * clock, so tests on virtual time see virtual deadlines.
 *
 * @param atMillis the deadline on Reactor's parallel scheduler clock, in milliseconds
 */
public record Deadline(long atMillis) {

    /** The deadline {@code budget} from now. */
    public static Deadline in(Duration budget) {
        return new Deadline(now() + budget.toMillis());
    }

    /** What is left of it; zero once it has passed. */
    public Duration remaining() {
        return Duration.ofMillis(Math.max(0, atMillis - now()));
    }

    private static long now() {
        return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
    }
}
