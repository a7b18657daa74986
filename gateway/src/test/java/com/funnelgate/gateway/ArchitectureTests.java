package com.funnelgate.gateway;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.gateway.cache.Caching;
import com.funnelgate.gateway.resilience.SourceGuard;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries of the gateway: each feature package depends only on the packages it is allowed to
 * (downwards on the request path: interceptors, then report, then sources, then what every layer shares),
 * feature packages do not depend on each other in cycles, caching and protections wrap sources in one
 * place, and no main code blocks a reactive pipeline (blocking JDBC is confined to start-up in
 * {@code embedded}).
 */
class ArchitectureTests {

    private static final String ROOT = "com.funnelgate.gateway";

    /**
     * What each feature package may use of the others. The request path runs down this table:
     * interceptors ({@code persisted}, {@code answers}) and routes ({@code bi}) above {@code report},
     * {@code report} above the sources it wires ({@code funnel}, {@code adspend}, {@code fx}) and their
     * decorators ({@code cache}, {@code resilience}), all of them above {@code source}, {@code query},
     * {@code tenancy}, {@code errors} and {@code redis}. A new package gets a row here.
     */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("errors", Set.of()),
            Map.entry("redis", Set.of()),
            Map.entry("graphql", Set.of()),
            Map.entry("postgres", Set.of()),
            Map.entry("embedded", Set.of()),
            Map.entry("graphiql", Set.of()),
            Map.entry("fx", Set.of()),
            Map.entry("source", Set.of("errors")),
            Map.entry("tenancy", Set.of("errors")),
            Map.entry("query", Set.of("tenancy")),
            Map.entry("resilience", Set.of("errors", "source")),
            Map.entry("cache", Set.of("redis", "source")),
            Map.entry("funnel", Set.of("cache", "query", "redis", "tenancy")),
            Map.entry("adspend", Set.of("cache", "redis", "resilience")),
            Map.entry("report", Set.of("adspend", "cache", "errors", "funnel", "fx", "graphql", "query", "resilience",
                    "source", "tenancy")),
            Map.entry("viewer", Set.of("tenancy")),
            Map.entry("persisted", Set.of("errors", "redis", "tenancy")),
            Map.entry("answers", Set.of("cache", "persisted", "report", "tenancy")),
            Map.entry("bi", Set.of("errors", "persisted")),
            Map.entry("provisioning", Set.of("funnel", "tenancy")),
            Map.entry("demo", Set.of("adspend", "funnel", "provisioning", "report", "tenancy")));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void eachFeaturePackageDependsOnlyOnThePackagesItIsAllowedTo() {
        for (Map.Entry<String, Set<String>> feature : ALLOWED.entrySet()) {
            List<String> allowed = new ArrayList<>();
            allowed.add(ROOT + "." + feature.getKey() + "..");
            feature.getValue().forEach(other -> allowed.add(ROOT + "." + other + ".."));
            classes().that().resideInAPackage(ROOT + "." + feature.getKey() + "..")
                    .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..")
                            .or(resideInAnyPackage(allowed.toArray(String[]::new))))
                    .allowEmptyShould(true)
                    .check(MAIN);
        }
    }

    @Test
    void everyFeaturePackageHasItsAllowedDependenciesWrittenDown() {
        Set<String> features = new TreeSet<>();
        MAIN.forEach(type -> {
            String name = type.getPackageName();
            if (name.startsWith(ROOT + ".")) {
                features.add(name.substring(ROOT.length() + 1).split("\\.")[0]);
            }
        });
        assertThat(ALLOWED.keySet()).containsExactlyInAnyOrderElementsOf(features);
    }

    @Test
    void cachingAndProtectionsWrapSourcesOnlyWhereTheyAreWired() {
        noClasses().that().doNotHaveFullyQualifiedName(ROOT + ".report.SourcesConfig")
                .should().callMethodWhere(DescribedPredicate.describe("Caching.decorate or SourceGuard.decorate",
                        call -> call.getName().equals("decorate")
                                && (call.getTargetOwner().isEquivalentTo(Caching.class)
                                        || call.getTargetOwner().isEquivalentTo(SourceGuard.class))))
                .check(MAIN);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("com.funnelgate.gateway.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noMainCodeBlocksAReactivePipeline() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe(
                        "block, blockFirst, blockLast, toIterable or toStream of Reactor",
                        call -> call.getTargetOwner().getPackageName().startsWith("reactor.core.publisher")
                                && call.getName().matches("block|blockFirst|blockLast|blockOptional|toIterable|toStream")))
                .check(MAIN);
    }

    @Test
    void theGatewayReachesNetworksOnlyThroughTheConnectorsPublicApi() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.funnelgate.adconnectors.internal..")
                .check(MAIN);
    }
}
