package com.funnelgate.gateway.funnel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the {@link FunnelRollup} every {@code funnelgate.rollup.interval} while the application runs.
 * Runs never overlap; a failed run is logged and the next one picks up where it left off.
 */
@Component
class RollupScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RollupScheduler.class);

    private final FunnelRollup rollup;
    private final RollupProperties properties;
    private volatile Disposable schedule;

    RollupScheduler(FunnelRollup rollup, RollupProperties properties) {
        this.rollup = rollup;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        schedule = Flux.interval(properties.interval(), properties.interval())
                .onBackpressureDrop()
                .concatMap(tick -> rollup.runOnce()
                        .doOnNext(RollupScheduler::logRun)
                        .onErrorResume(e -> {
                            log.warn("Rollup run failed; the next run retries", e);
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    private static void logRun(RollupRun run) {
        if (run.leader() && !run.changed().isEmpty()) {
            log.info("Rolled up {} tenant-days ({} rows), watermark {} -> {}",
                    run.changed().size(), run.rowsWritten(), run.fromXid(), run.toXid());
        }
    }

    @Override
    public void stop() {
        Disposable running = schedule;
        if (running != null) {
            running.dispose();
        }
        schedule = null;
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
