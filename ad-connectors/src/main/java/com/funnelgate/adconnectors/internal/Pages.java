package com.funnelgate.adconnectors.internal;

import com.funnelgate.adconnectors.AdNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Follows a cursor-paged listing to its end, one page at a time, and collects every item. Stops with
 * a malformed-response transient when the cursor does not advance (the same cursor twice in a row)
 * or more than {@code maxPages} pages arrive, so a broken server can never make a fetch loop
 * forever. An empty page with a next cursor is followed; an empty page without one ends the listing.
 */
public final class Pages {

    private Pages() {
    }

    /** One page: its items and the cursor of the next page ({@code null} on the last page). */
    public record Page<T>(List<T> items, String next) {
    }

    /** Fetches {@code first}, then {@code follow(next)} until a page has no next cursor. */
    public static <T> Mono<List<T>> collect(AdNetwork network, int maxPages, Mono<Page<T>> first,
                                            Function<String, Mono<Page<T>>> follow) {
        return Mono.defer(() -> collect(network, maxPages, first, follow, new ArrayList<>(), null, 1));
    }

    private static <T> Mono<List<T>> collect(AdNetwork network, int maxPages, Mono<Page<T>> page,
                                             Function<String, Mono<Page<T>>> follow, List<T> items,
                                             String cursor, int number) {
        return page.flatMap(current -> {
            items.addAll(current.items());
            String next = current.next();
            if (next == null) {
                return Mono.just(items);
            }
            if (Objects.equals(next, cursor)) {
                return Mono.error(Json.malformed(network, "paging did not advance"));
            }
            if (number >= maxPages) {
                return Mono.error(Json.malformed(network, "more than " + maxPages + " pages"));
            }
            return collect(network, maxPages, Mono.defer(() -> follow.apply(next)), follow, items, next,
                    number + 1);
        });
    }
}
