package com.funnelgate.adconnectors;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import reactor.core.publisher.Flux;

/**
 * Reads daily, campaign-level spend for one ad account from one network's reporting API.
 *
 * <p>Contract of {@link #fetchDaily}:
 * <ul>
 *   <li>{@code from} and {@code to} are both inclusive calendar days in the zone the network reports
 *       in ({@link #dayZone}); a client translates to its network's convention (AdRoll's exclusive
 *       end, for example).</li>
 *   <li><b>All or nothing.</b> Rows are emitted only after every page (or async report, or stream
 *       batch) of the range has been read and validated. If the flux errors, it has emitted no row,
 *       so a caller can never mistake part of a result for all of it. Callers should still collect
 *       the flux ({@code collectList()}) and treat an error as "no result".</li>
 *   <li>Errors are always an {@link AdNetworkException} subtype: rate limited, credentials
 *       rejected, permission denied, invalid request or transient. Nothing else escapes, including
 *       timeouts, connection resets, malformed or truncated bodies and unexpected content types.</li>
 *   <li>An empty range result completes empty.</li>
 *   <li>Cancelling the subscription cancels the in-flight HTTP call and any report-job polling.</li>
 *   <li>The client does not retry except once after a refreshed access token; retries with
 *       backoff belong to the caller, guided by {@link AdNetworkException#isRetryable()} and
 *       {@link AdNetworkException.RateLimited#retryAfter()}.</li>
 * </ul>
 */
public interface AdSpendClient {

    /** The network this client talks to. */
    AdNetwork network();

    /**
     * Daily campaign rows for {@code account} from {@code from} to {@code to}, both inclusive.
     * Invalid arguments (null, {@code from} after {@code to}, an account of another network) end
     * in {@link AdNetworkException.InvalidRequest} without any HTTP call.
     */
    Flux<AdSpendRow> fetchDaily(AdAccount account, LocalDate from, LocalDate to);

    /**
     * The zone the days of this account's rows are in: the account's time zone when known, or UTC
     * for networks that always report in UTC.
     */
    default Optional<ZoneId> dayZone(AdAccount account) {
        return Optional.ofNullable(account.timeZone());
    }
}
