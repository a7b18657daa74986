package com.funnelgate.gateway.adspend;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.AdSpendClient;
import com.funnelgate.adconnectors.CredentialStore;
import com.funnelgate.adconnectors.adroll.AdRollClient;
import com.funnelgate.adconnectors.adroll.AdRollSettings;
import com.funnelgate.adconnectors.googleads.GoogleAdsClient;
import com.funnelgate.adconnectors.googleads.GoogleAdsSettings;
import com.funnelgate.adconnectors.meta.MetaInsightsClient;
import com.funnelgate.adconnectors.meta.MetaSettings;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One reporting client per network with a client (Meta, Google Ads, AdRoll), configured from
 * {@link NetworksProperties}, sharing the gateway's credential store. Closed with the application.
 */
@Component
public class AdSpendClients implements DisposableBean {

    private final Map<AdNetwork, AdSpendClient> clients = new EnumMap<>(AdNetwork.class);

    AdSpendClients(NetworksProperties networks, CredentialStore credentials) {
        clients.put(AdNetwork.META, new MetaInsightsClient(meta(networks.meta()), credentials));
        clients.put(AdNetwork.GOOGLE_ADS, new GoogleAdsClient(googleAds(networks.googleAds()), credentials));
        clients.put(AdNetwork.ADROLL, new AdRollClient(adRoll(networks.adroll()), credentials));
    }

    /** The client of a network, or empty for a network without one yet. */
    public Optional<AdSpendClient> of(AdNetwork network) {
        return Optional.ofNullable(clients.get(network));
    }

    private static MetaSettings meta(NetworksProperties.Meta meta) {
        MetaSettings settings = MetaSettings.defaults().withRequestTimeout(meta.requestTimeout());
        return meta.baseUrl() == null ? settings : settings.withBaseUrl(meta.baseUrl());
    }

    private static GoogleAdsSettings googleAds(NetworksProperties.GoogleAds google) {
        GoogleAdsSettings settings = GoogleAdsSettings.defaults()
                .withRequestTimeout(google.requestTimeout())
                .withDeveloperToken(google.developerToken())
                .withClient(google.clientId(), google.clientSecret());
        settings = google.baseUrl() == null ? settings : settings.withBaseUrl(google.baseUrl());
        return google.tokenUrl() == null ? settings : settings.withTokenUrl(google.tokenUrl());
    }

    private static AdRollSettings adRoll(NetworksProperties.AdRoll adRoll) {
        AdRollSettings settings = AdRollSettings.defaults()
                .withRequestTimeout(adRoll.requestTimeout())
                .withApiKey(adRoll.apiKey())
                .withClient(adRoll.clientId(), adRoll.clientSecret());
        settings = adRoll.baseUrl() == null ? settings : settings.withBaseUrl(adRoll.baseUrl());
        return adRoll.tokenUrl() == null ? settings : settings.withTokenUrl(adRoll.tokenUrl());
    }

    @Override
    public void destroy() {
        clients.values().forEach(client -> {
            if (client instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Closing connection pools at shutdown: nothing left to do about a failure.
                }
            }
        });
    }
}
