package com.funnelgate.adconnectors.internal;

import com.funnelgate.adconnectors.AdAccount;
import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdNetworkException;
import com.funnelgate.adconnectors.AdSpendRow;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The parts of {@code fetchDaily} every client shares: argument checks before any call, and the
 * all-or-nothing emission of rows (collected first, emitted only once the whole range was read), with
 * any unexpected exception turned into a {@link AdNetworkException.Transient}.
 */
public final class Fetches {

    private Fetches() {
    }

    /** Runs {@code rows} after checking the arguments; emits its rows only when it completes. */
    public static Flux<AdSpendRow> allOrNothing(AdNetwork network, AdAccount account, LocalDate from,
                                                LocalDate to, Supplier<Mono<List<AdSpendRow>>> rows) {
        return Mono.defer(() -> {
                    AdNetworkException invalid = check(network, account, from, to);
                    return invalid != null ? Mono.<List<AdSpendRow>>error(invalid) : rows.get();
                })
                .onErrorMap(e -> !(e instanceof AdNetworkException), e -> unexpected(network, e))
                .flatMapIterable(list -> list);
    }

    private static AdNetworkException check(AdNetwork network, AdAccount account, LocalDate from, LocalDate to) {
        if (account == null || from == null || to == null) {
            return new AdNetworkException.InvalidRequest(network, "account, from and to are required", null);
        }
        if (account.network() != network) {
            return new AdNetworkException.InvalidRequest(network,
                    "account " + account.externalId() + " belongs to " + account.network(), null);
        }
        if (from.isAfter(to)) {
            return new AdNetworkException.InvalidRequest(network, "from " + from + " is after to " + to, null);
        }
        return null;
    }

    private static AdNetworkException unexpected(AdNetwork network, Throwable error) {
        return new AdNetworkException.Transient(network, AdNetworkException.Transient.Reason.MALFORMED_RESPONSE,
                "unexpected failure while reading the response (" + error.getClass().getSimpleName() + ")", null);
    }
}
