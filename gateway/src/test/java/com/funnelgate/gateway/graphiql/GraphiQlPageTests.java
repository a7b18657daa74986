package com.funnelgate.gateway.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.gateway.support.GatewayTest;
import com.funnelgate.gateway.support.HttpApi;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GraphiQL is served without a key and every asset it loads comes from the gateway itself. */
@GatewayTest
class GraphiQlPageTests {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @LocalServerPort int port;

    @Test
    void thePageAndEveryAssetItLoadsAreServedLocally() {
        HttpApi api = new HttpApi(port);
        String page = api.client().get().uri("/graphiql").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("GraphiQL.createFetcher").contains("\"endpoint\":\"/graphql\"");
        List<String> assets = new ArrayList<>();
        Matcher matcher = ASSET.matcher(page);
        while (matcher.find()) {
            assets.add(matcher.group(1));
        }
        assertThat(assets).hasSize(4).allSatisfy(asset -> assertThat(asset).startsWith("/webjars/"));
        for (String asset : assets) {
            byte[] body = api.client().get().uri(asset).exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody();
            assertThat(body).as(asset).isNotEmpty();
        }
    }
}
