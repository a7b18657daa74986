package com.funnelgate.gateway.demo;

import com.funnelgate.adconnectors.AdNetwork;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * One tenant of the demo data set: a shop in its own time zone and currency, with sites, calls-to-
 * action and an ad account per network (served by the ad-network sandbox).
 *
 * @param share this tenant's share of all demo events
 * @param sites site domain to the names of its calls-to-action
 * @param accounts the tenant's ad account external ids
 */
public record DemoTenant(String name, ZoneId zone, String currency, double share, BigDecimal averageOrder,
        Map<String, List<String>> sites, Map<AdNetwork, String> accounts) {

    /** The demo tenants; the first is the one the demo viewer and BI keys read. */
    public static final List<DemoTenant> ALL = List.of(
            new DemoTenant("Acme Outdoor", ZoneId.of("America/New_York"), "USD", 0.40, new BigDecimal("84.00"),
                    Map.of("acme-outdoor.example", List.of("Newsletter pop-up", "Spring sale banner", "Checkout"),
                            "blog.acme-outdoor.example", List.of("Trail guide download", "Newsletter inline")),
                    accounts(1)),
            new DemoTenant("Nordlicht Mode", ZoneId.of("Europe/Berlin"), "EUR", 0.20, new BigDecimal("59.00"),
                    Map.of("nordlicht-mode.example", List.of("Willkommensrabatt", "Größenberater", "Kasse")),
                    accounts(2)),
            new DemoTenant("Chai & Co", ZoneId.of("Asia/Kolkata"), "INR", 0.15, new BigDecimal("1450.00"),
                    Map.of("chai-and-co.example", List.of("Festival offer", "Subscription box", "Checkout")),
                    accounts(3)),
            new DemoTenant("Himal Treks", ZoneId.of("Asia/Kathmandu"), "NPR", 0.10, new BigDecimal("42000.00"),
                    Map.of("himal-treks.example", List.of("Trek enquiry", "Brochure download")),
                    accounts(4)),
            new DemoTenant("Southern Cross Surf", ZoneId.of("Australia/Adelaide"), "AUD", 0.15, new BigDecimal("120.00"),
                    Map.of("southern-cross-surf.example", List.of("Surf report sign-up", "Board finder", "Checkout"),
                            "lessons.southern-cross-surf.example", List.of("Lesson booking")),
                    accounts(5)));

    private static Map<AdNetwork, String> accounts(int n) {
        return Map.of(AdNetwork.META, "act_20240000" + n,
                AdNetwork.GOOGLE_ADS, "52100000" + String.format("%02d", n),
                AdNetwork.ADROLL, "FGDEMOADVERTISER000" + n);
    }
}
