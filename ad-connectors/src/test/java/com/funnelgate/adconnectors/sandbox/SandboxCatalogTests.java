package com.funnelgate.adconnectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetwork;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxCatalogTests {

    @Test
    void campaignsAreDeterministicPerAccount() {
        List<SandboxCampaign> first = SandboxCatalog.campaigns(AdNetwork.META, "act_42");

        assertThat(SandboxCatalog.campaigns(AdNetwork.META, "act_42")).isEqualTo(first);
        assertThat(SandboxCatalog.campaigns(AdNetwork.META, "42")).isEqualTo(first);
        assertThat(SandboxCatalog.campaigns(AdNetwork.META, "act_43")).isNotEqualTo(first);
        assertThat(first).hasSizeBetween(2, 5);
        assertThat(first).extracting(SandboxCampaign::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("\\d{17}"));
    }

    @Test
    void campaignIdsLookLikeEachNetworksIds() {
        assertThat(SandboxCatalog.campaigns(AdNetwork.GOOGLE_ADS, "123-456-7890"))
                .isEqualTo(SandboxCatalog.campaigns(AdNetwork.GOOGLE_ADS, "1234567890"))
                .allSatisfy(c -> assertThat(c.id()).matches("\\d{8}"));
        assertThat(SandboxCatalog.campaigns(AdNetwork.ADROLL, "ABCDEFGHIJKLMNOPQRSTUV"))
                .allSatisfy(c -> assertThat(c.id()).matches("[A-Z0-9]{22}"));
    }

    @Test
    void metricsKeepTheirInvariantsAndAreStable() {
        for (AdNetwork network : new AdNetwork[] {AdNetwork.META, AdNetwork.GOOGLE_ADS, AdNetwork.ADROLL}) {
            for (int account = 0; account < 20; account++) {
                String id = Integer.toString(1_000_000 + account);
                for (SandboxCampaign campaign : SandboxCatalog.campaigns(network, id)) {
                    for (int d = 0; d < 40; d++) {
                        LocalDate day = LocalDate.of(2026, 1, 1).plusDays(d);
                        SandboxMetrics m = SandboxCatalog.metrics(network, id, campaign.id(), day);
                        assertThat(m.impressions()).isGreaterThanOrEqualTo(m.clicks());
                        assertThat(m.clicks()).isGreaterThanOrEqualTo(m.conversions());
                        assertThat(m.conversions()).isNotNegative();
                        assertThat(m.spend().scale()).isEqualTo(2);
                        assertThat(m.spend().signum()).isNotNegative();
                        assertThat(SandboxCatalog.metrics(network, id, campaign.id(), day)).isEqualTo(m);
                    }
                }
            }
        }
    }

    @Test
    void accountsHaveAStableCurrencyAndTimeZone() {
        SandboxAccount account = SandboxCatalog.account(AdNetwork.GOOGLE_ADS, "1234567890");

        assertThat(SandboxCatalog.account(AdNetwork.GOOGLE_ADS, "123-456-7890")).isEqualTo(account);
        assertThat(account.currency()).isIn("USD", "EUR", "GBP");
    }
}
