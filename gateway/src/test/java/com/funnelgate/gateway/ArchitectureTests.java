package com.funnelgate.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries of the gateway: feature packages do not depend on each other in cycles, and no
 * main code blocks a reactive pipeline (blocking JDBC is confined to start-up in {@code embedded}).
 */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.funnelgate.gateway");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("com.funnelgate.gateway.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noMainCodeBlocksAReactivePipeline() {
        noClasses().should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
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
