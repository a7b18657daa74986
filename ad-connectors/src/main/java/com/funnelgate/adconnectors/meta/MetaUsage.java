package com.funnelgate.adconnectors.meta;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What Meta's rate-limit headers said on the latest response for one ad account, so callers can
 * slow down before they are throttled. Percentages are 0–100 (and can exceed 100); a header that was
 * absent or unreadable leaves its fields {@code null}. Sources: {@code X-App-Usage} (app, rolling
 * hour), {@code X-Ad-Account-Usage} (this ad account; {@code reset_time_duration} in seconds),
 * {@code X-Business-Use-Case-Usage} (per business object and use case;
 * {@code estimated_time_to_regain_access} in minutes) and {@code X-FB-Ads-Insights-Throttle}.
 *
 * @param accountId              the ad account id (as in the request)
 * @param observedAt             when the response arrived
 * @param appCallCountPct        {@code X-App-Usage.call_count}
 * @param appTotalTimePct        {@code X-App-Usage.total_time}
 * @param appTotalCputimePct     {@code X-App-Usage.total_cputime}
 * @param accountUtilPct         {@code X-Ad-Account-Usage.acc_id_util_pct}
 * @param accountResetIn         {@code X-Ad-Account-Usage.reset_time_duration}
 * @param accessTier             {@code ads_api_access_tier} from any header
 * @param businessUseCases       entries of {@code X-Business-Use-Case-Usage}
 * @param insightsAppUtilPct     {@code X-FB-Ads-Insights-Throttle.app_id_util_pct}
 * @param insightsAccountUtilPct {@code X-FB-Ads-Insights-Throttle.acc_id_util_pct}
 */
public record MetaUsage(String accountId, Instant observedAt, Double appCallCountPct, Double appTotalTimePct,
                        Double appTotalCputimePct, Double accountUtilPct, Duration accountResetIn,
                        String accessTier, List<BusinessUseCase> businessUseCases, Double insightsAppUtilPct,
                        Double insightsAccountUtilPct) {

    public MetaUsage {
        businessUseCases = businessUseCases == null ? List.of() : List.copyOf(businessUseCases);
    }

    /**
     * One business-use-case entry.
     *
     * @param businessId     the business object id the entry is keyed by
     * @param type           the use case, e.g. {@code ads_insights}
     * @param callCountPct   {@code call_count}
     * @param totalTimePct   {@code total_time}
     * @param totalCputimePct {@code total_cputime}
     * @param regainAccessIn {@code estimated_time_to_regain_access} (given in minutes)
     */
    public record BusinessUseCase(String businessId, String type, Double callCountPct, Double totalTimePct,
                                  Double totalCputimePct, Duration regainAccessIn) {
    }

    /** The highest percentage any header reported, or 0 when none did. */
    public double maxUtilisationPct() {
        Stream<Double> buc = businessUseCases.stream()
                .flatMap(b -> Stream.of(b.callCountPct(), b.totalTimePct(), b.totalCputimePct()));
        return Stream.concat(Stream.of(appCallCountPct, appTotalTimePct, appTotalCputimePct, accountUtilPct,
                        insightsAppUtilPct, insightsAccountUtilPct), buc)
                .filter(value -> value != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
    }

    /**
     * The wait Meta announced: the longest positive {@code estimated_time_to_regain_access}, else a
     * positive {@code reset_time_duration}; empty when Meta announced none.
     */
    public Optional<Duration> announcedWait() {
        Optional<Duration> regain = businessUseCases.stream()
                .map(BusinessUseCase::regainAccessIn)
                .filter(wait -> wait != null && !wait.isZero() && !wait.isNegative())
                .max(Duration::compareTo);
        if (regain.isPresent()) {
            return regain;
        }
        return Optional.ofNullable(accountResetIn).filter(wait -> !wait.isZero() && !wait.isNegative());
    }
}
