package com.funnelgate.gateway.embedded;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.adconnectors.sandbox.AdNetworkSandbox;
import com.funnelgate.adconnectors.sandbox.SandboxOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When {@code funnelgate.sandbox.enabled} is true (the demo profile, end-to-end tests), starts the
 * ad-network sandbox, which speaks the Meta, Google Ads and AdRoll wire formats, so the real
 * connector code runs without the internet. Points {@code funnelgate.networks.*.base-url} at it
 * unless they are set, registers it as the bean {@code adNetworkSandbox} (tests steer its latency
 * and faults), and stops it with the application context. Settings: {@code funnelgate.sandbox.port}
 * (default 0: any free port) and {@code funnelgate.sandbox.latency.<NETWORK>} (e.g. {@code META: 80ms}).
 */
public class AdSandboxEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final String PREFIX = "funnelgate.sandbox.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(PREFIX + "enabled", Boolean.class, false)) {
            return;
        }
        int port = environment.getProperty(PREFIX + "port", Integer.class, 0);
        AdNetworkSandbox sandbox = AdNetworkSandbox.start(SandboxOptions.defaults().withPort(port));
        Binder.get(environment).bind(PREFIX + "latency", Bindable.mapOf(AdNetwork.class, Duration.class))
                .orElse(Map.of())
                .forEach(sandbox::setLatency);

        String url = sandbox.baseUrl().toString();
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("funnelgate.networks.meta.base-url", url);
        defaults.put("funnelgate.networks.google-ads.base-url", url);
        defaults.put("funnelgate.networks.google-ads.developer-token", "sandbox-developer-token");
        defaults.put("funnelgate.networks.google-ads.client-id", "sandbox-client");
        defaults.put("funnelgate.networks.google-ads.client-secret", "sandbox-secret");
        defaults.put("funnelgate.networks.adroll.base-url", url);
        defaults.put("funnelgate.networks.adroll.api-key", "sandbox-api-key");
        defaults.put("funnelgate.networks.adroll.client-id", "sandbox-client");
        defaults.put("funnelgate.networks.adroll.client-secret", "sandbox-secret");
        environment.getPropertySources().addLast(new MapPropertySource("adNetworkSandbox", defaults));

        application.addInitializers(context -> context.getBeanFactory().registerSingleton("adNetworkSandbox", sandbox));
        application.addListeners((ApplicationListener<ContextClosedEvent>) closed -> sandbox.close());
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }
}
