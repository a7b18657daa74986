package com.funnelgate.gateway.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetwork;
import org.junit.jupiter.api.Test;

class AttributionTests {

    @Test
    void knownSourcesNameTheirNetworkAndTheCampaignIsTheUtmCampaign() {
        assertThat(Attribution.of("Facebook", " 2385001 ")).isEqualTo(new Attribution(AdNetwork.META, "2385001"));
        assertThat(Attribution.of("instagram", "9")).isEqualTo(new Attribution(AdNetwork.META, "9"));
        assertThat(Attribution.of("google", "123")).isEqualTo(new Attribution(AdNetwork.GOOGLE_ADS, "123"));
        assertThat(Attribution.of("adroll", "EID")).isEqualTo(new Attribution(AdNetwork.ADROLL, "EID"));
    }

    @Test
    void aKnownSourceWithoutCampaignIsTheNetworkAlone() {
        assertThat(Attribution.of("google", " ")).isEqualTo(new Attribution(AdNetwork.GOOGLE_ADS, null));
    }

    @Test
    void unknownOrMissingSourcesAreUnattributed() {
        assertThat(Attribution.of(null, "123")).isEqualTo(Attribution.UNATTRIBUTED);
        assertThat(Attribution.of("newsletter", "spring")).isEqualTo(Attribution.UNATTRIBUTED);
    }
}
