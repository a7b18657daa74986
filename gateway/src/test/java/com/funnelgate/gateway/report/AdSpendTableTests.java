package com.funnelgate.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdSpendRow;
import com.funnelgate.gateway.adspend.TenantAdAccount;
import com.funnelgate.gateway.fx.FxTable;
import com.funnelgate.gateway.query.Dimension;
import com.funnelgate.gateway.query.Granularity;
import com.funnelgate.gateway.query.ReportFilter;
import com.funnelgate.gateway.query.ReportQuery;
import com.funnelgate.gateway.query.RowKey;
import com.funnelgate.gateway.tenancy.Tenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Joining ad rows never turns something the network left out, or a missing rate, into a zero. */
class AdSpendTableTests {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final LocalDate DAY = LocalDate.of(2026, 10, 1);
    private static final ReportQuery BY_CAMPAIGN = new ReportQuery(new Tenant(1, "t", UTC, "USD"), DAY, DAY,
            Granularity.TOTAL, Set.of(Dimension.CAMPAIGN), ReportFilter.NONE);
    private static final TenantAdAccount META = new TenantAdAccount(1, 1, AdNetwork.META, "act_1", "m", "USD", UTC);
    private static final TenantAdAccount GOOGLE = new TenantAdAccount(1, 2, AdNetwork.GOOGLE_ADS, "2", "g", "EUR", UTC);
    private static final FxTable NO_EUR = new FxTable(Map.of(), "USD", 4);

    @Test
    void aValueTheNetworkLeftOutIsUnknownNotZero() {
        AdSpendTable table = AdSpendTable.of(BY_CAMPAIGN, List.of(new AccountSpend(META, List.of(
                row(AdNetwork.META, "c1", "USD", "10.00", 100L, null),
                row(AdNetwork.META, "c1", "USD", null, 50L, 3L)))), NO_EUR);
        AdMetrics c1 = table.forRow(new RowKey(null, AdNetwork.META, "c1", null, null));
        assertThat(c1.spend()).isNull();
        assertThat(c1.impressions()).isEqualTo(150);
        assertThat(c1.clicks()).isNull();
        assertThat(table.totals().spend()).isNull();
    }

    @Test
    void aCampaignWhoseSpendCannotBeConvertedKeepsItsRowAndItsCounts() {
        AdSpendTable table = AdSpendTable.of(BY_CAMPAIGN, List.of(new AccountSpend(GOOGLE, List.of(
                row(AdNetwork.GOOGLE_ADS, "g1", "EUR", "5.00", 80L, 4L)))), NO_EUR);
        RowKey g1 = new RowKey(null, AdNetwork.GOOGLE_ADS, "g1", null, null);
        assertThat(table.keys()).containsExactly(g1);
        assertThat(table.forRow(g1)).isEqualTo(new AdMetrics(null, 80L, 4L));
        assertThat(table.missingRates()).containsExactly("EUR on 2026-10-01");
    }

    private static AdSpendRow row(AdNetwork network, String campaign, String currency, String spend, Long impressions,
            Long clicks) {
        return new AdSpendRow(network, "acct", campaign, campaign, DAY, currency, spend == null ? null : new BigDecimal(spend),
                impressions, clicks, null);
    }
}
