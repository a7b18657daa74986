package com.funnelgate.adconnectors.meta;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the {@link MetaInsightsClient}. {@link #defaults()} points at the real Graph API;
 * {@link #withBaseUrl(URI)} is all it takes to point the client at WireMock or the sandbox.
 *
 * @param baseUrl               Graph API root, e.g. {@code https://graph.facebook.com}
 * @param apiVersion            version path segment, e.g. {@code v25.0}
 * @param requestTimeout        limit for one HTTP call, headers and body
 * @param pageSize              {@code limit} per Insights page (a maximum; pages can be shorter)
 * @param asyncAboveDays        ranges longer than this many days run as an async report job
 * @param pollInitialDelay      wait before the first report-job status poll; doubles each poll
 * @param pollMaxDelay          longest wait between two polls
 * @param reportJobTimeout      how long a report job may take before the fetch fails as transient
 * @param maxPages              most pages one fetch follows before failing (guards broken cursors)
 * @param maxConnections        connection-pool size for this client
 * @param conversionActionTypes {@code actions[].action_type} values whose {@code value}s, summed, are
 *                              the row's conversions
 */
public record MetaSettings(URI baseUrl, String apiVersion, Duration requestTimeout, int pageSize,
                           int asyncAboveDays, Duration pollInitialDelay, Duration pollMaxDelay,
                           Duration reportJobTimeout, int maxPages, int maxConnections,
                           List<String> conversionActionTypes) {

    /** The production Graph API host. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://graph.facebook.com");

    public MetaSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(pollInitialDelay, "pollInitialDelay");
        Objects.requireNonNull(pollMaxDelay, "pollMaxDelay");
        Objects.requireNonNull(reportJobTimeout, "reportJobTimeout");
        if (pageSize < 1 || maxPages < 1 || maxConnections < 1 || asyncAboveDays < 0) {
            throw new IllegalArgumentException("pageSize, maxPages, maxConnections must be positive");
        }
        conversionActionTypes = List.copyOf(conversionActionTypes);
    }

    /** Production defaults: v25.0, 30 s per call, 500 rows a page, async above 31 days. */
    public static MetaSettings defaults() {
        return new MetaSettings(DEFAULT_BASE_URL, "v25.0", Duration.ofSeconds(30), 500, 31,
                Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(15), 1000, 100,
                List.of("offsite_conversion.fb_pixel_purchase"));
    }

    public MetaSettings withBaseUrl(URI value) {
        return new MetaSettings(value, apiVersion, requestTimeout, pageSize, asyncAboveDays, pollInitialDelay,
                pollMaxDelay, reportJobTimeout, maxPages, maxConnections, conversionActionTypes);
    }

    public MetaSettings withApiVersion(String value) {
        return new MetaSettings(baseUrl, value, requestTimeout, pageSize, asyncAboveDays, pollInitialDelay,
                pollMaxDelay, reportJobTimeout, maxPages, maxConnections, conversionActionTypes);
    }

    public MetaSettings withRequestTimeout(Duration value) {
        return new MetaSettings(baseUrl, apiVersion, value, pageSize, asyncAboveDays, pollInitialDelay,
                pollMaxDelay, reportJobTimeout, maxPages, maxConnections, conversionActionTypes);
    }

    public MetaSettings withPageSize(int value) {
        return new MetaSettings(baseUrl, apiVersion, requestTimeout, value, asyncAboveDays, pollInitialDelay,
                pollMaxDelay, reportJobTimeout, maxPages, maxConnections, conversionActionTypes);
    }

    public MetaSettings withAsyncAboveDays(int value) {
        return new MetaSettings(baseUrl, apiVersion, requestTimeout, pageSize, value, pollInitialDelay,
                pollMaxDelay, reportJobTimeout, maxPages, maxConnections, conversionActionTypes);
    }

    /** A copy with the report-job poll backoff and overall job timeout replaced. */
    public MetaSettings withPolling(Duration initialDelay, Duration maxDelay, Duration jobTimeout) {
        return new MetaSettings(baseUrl, apiVersion, requestTimeout, pageSize, asyncAboveDays, initialDelay,
                maxDelay, jobTimeout, maxPages, maxConnections, conversionActionTypes);
    }

    public MetaSettings withMaxPages(int value) {
        return new MetaSettings(baseUrl, apiVersion, requestTimeout, pageSize, asyncAboveDays, pollInitialDelay,
                pollMaxDelay, reportJobTimeout, value, maxConnections, conversionActionTypes);
    }

    public MetaSettings withMaxConnections(int value) {
        return new MetaSettings(baseUrl, apiVersion, requestTimeout, pageSize, asyncAboveDays, pollInitialDelay,
                pollMaxDelay, reportJobTimeout, maxPages, value, conversionActionTypes);
    }

    public MetaSettings withConversionActionTypes(List<String> value) {
        return new MetaSettings(baseUrl, apiVersion, requestTimeout, pageSize, asyncAboveDays, pollInitialDelay,
                pollMaxDelay, reportJobTimeout, maxPages, maxConnections, value);
    }
}
