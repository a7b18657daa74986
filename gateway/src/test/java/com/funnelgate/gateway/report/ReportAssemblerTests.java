package com.funnelgate.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.gateway.adspend.TenantAdAccount;
import com.funnelgate.gateway.errors.ApiException;
import com.funnelgate.gateway.errors.ErrorCode;
import com.funnelgate.gateway.funnel.FunnelMetrics;
import com.funnelgate.gateway.funnel.FunnelResult;
import com.funnelgate.gateway.fx.FxTable;
import com.funnelgate.gateway.query.Dimension;
import com.funnelgate.gateway.query.Granularity;
import com.funnelgate.gateway.query.Periods;
import com.funnelgate.gateway.query.ReportFilter;
import com.funnelgate.gateway.query.ReportQuery;
import com.funnelgate.gateway.query.RowKey;
import com.funnelgate.gateway.tenancy.Tenant;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Joining what the sources answered into rows and totals, without sources: rows are the union of the
 * sources' rows (every period when not grouped), a source that answered and has nothing for a row counts
 * zero, one that failed or was not asked leaves its metrics null, and the row limit holds.
 */
class ReportAssemblerTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Tenant TENANT = new Tenant(1, "tenant", BERLIN, "EUR");
    private static final LocalDate FIRST = LocalDate.of(2026, 9, 1);
    private static final LocalDate THIRD = LocalDate.of(2026, 9, 3);
    private static final TenantAdAccount META = new TenantAdAccount(1, 10, AdNetwork.META, "act_1", "meta", "EUR", BERLIN);
    private static final FxTable EUROS = new FxTable(Map.of(), "EUR", 4);

    private final ReportAssembler assembler = new ReportAssembler(limits(20000));

    @Test
    void withoutGroupingEveryPeriodHasARowAndAQuietOneCountsZero() {
        ReportQuery query = query(Granularity.DAY, Set.of());
        FunnelResult funnel = funnel(Map.of(RowKey.ofPeriod(day(FIRST)), metrics(10)), metrics(10));
        ReportAssembler.Assembled assembled = assembler.assemble(query, funnel, null, true);
        assertThat(assembled.rows()).extracting(ReportRow::period)
                .containsExactly(FIRST, FIRST.plusDays(1), THIRD);
        assertThat(assembled.rows()).extracting(row -> row.metrics().views()).containsExactly(10L, 0L, 0L);
        assertThat(assembled.rows()).allSatisfy(row -> assertThat(row.metrics().spend()).as("not asked").isNull());
        assertThat(assembled.totals().views()).isEqualTo(10);
    }

    @Test
    void groupedRowsAreTheUnionOfTheSourcesRowsJoinedByKey() {
        ReportQuery query = query(Granularity.TOTAL, Set.of(Dimension.NETWORK));
        FunnelResult funnel = funnel(Map.of(new RowKey(null, AdNetwork.META, null, null, null), metrics(40),
                new RowKey(null, null, null, null, null), metrics(60)), metrics(100));
        AdSpendTable ads = AdSpendTable.of(query, List.of(new AccountSpend(META, List.of(spend("8.00", 4)))), EUROS);
        ReportAssembler.Assembled assembled = assembler.assemble(query, funnel, ads, true);
        assertThat(assembled.rows()).extracting(ReportRow::network).containsExactly(AdNetwork.META, null);
        ReportRow meta = assembled.rows().get(0);
        assertThat(meta.metrics().views()).isEqualTo(40);
        assertThat(meta.metrics().spend()).isEqualByComparingTo("8.00");
        assertThat(meta.metrics().cpa()).isEqualByComparingTo("2.0000");
        assertThat(assembled.rows().get(1).metrics().spend()).as("unattributed traffic has no network's spend").isNull();
        assertThat(assembled.totals().spend()).isEqualByComparingTo("8.00");
    }

    @Test
    void aFailedAccountLeavesItsNetworksAdMetricsNullNeverZero() {
        ReportQuery query = query(Granularity.TOTAL, Set.of(Dimension.NETWORK));
        AdSpendTable ads = AdSpendTable.of(query, List.of(new AccountSpend(META, null)), EUROS);
        ReportAssembler.Assembled assembled = assembler.assemble(query, null, ads, true);
        assertThat(assembled.totals().spend()).isNull();
        assertThat(assembled.totals().views()).as("the funnel was not asked or failed").isNull();
        assertThat(assembled.rows()).isEmpty();
    }

    @Test
    void totalsOnlyHaveNoRows() {
        ReportQuery query = query(Granularity.DAY, Set.of());
        ReportAssembler.Assembled assembled = assembler.assemble(query, funnel(Map.of(), metrics(5)), null, false);
        assertThat(assembled.rows()).isEmpty();
        assertThat(assembled.totals().views()).isEqualTo(5);
    }

    @Test
    void moreRowsThanTheLimitIsBadUserInputSayingWhatToDo() {
        ReportAssembler small = new ReportAssembler(limits(2));
        assertThatThrownBy(() -> small.assemble(query(Granularity.DAY, Set.of()), null, null, true))
                .isInstanceOfSatisfying(ApiException.class, error -> {
                    assertThat(error.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
                    assertThat(error.getMessage()).contains("3 rows", "limit of 2", "Narrow the range");
                });
    }

    private static ReportQuery query(Granularity granularity, Set<Dimension> groupBy) {
        return new ReportQuery(TENANT, FIRST, THIRD, granularity, groupBy, ReportFilter.NONE);
    }

    private static java.time.Instant day(LocalDate day) {
        return Periods.startOf(day, Granularity.DAY, BERLIN);
    }

    private static FunnelResult funnel(Map<RowKey, FunnelMetrics> rows, FunnelMetrics totals) {
        return new FunnelResult(new TreeMap<>(rows), totals);
    }

    private static FunnelMetrics metrics(long views) {
        return new FunnelMetrics(null, views, views / 2, views / 10, views / 20, BigDecimal.TEN);
    }

    private static AdSpendRow spend(String amount, long clicks) {
        return new AdSpendRow(AdNetwork.META, "act_1", "c1", "Campaign", FIRST, "EUR", new BigDecimal(amount), 100L,
                clicks, null);
    }

    private static ReportProperties limits(int maxRows) {
        return new ReportProperties(Duration.ofSeconds(10), Duration.ofMillis(50), 400, 31, maxRows, 200, 100);
    }
}
