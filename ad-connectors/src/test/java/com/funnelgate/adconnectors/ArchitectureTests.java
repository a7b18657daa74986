package com.funnelgate.adconnectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The module's boundaries: main code depends on the JDK, Reactor (and Reactor Netty / Netty), the
 * WebClient parts of Spring (webflux, web, core) and Jackson only, never on Spring Boot, GraphQL or
 * other Spring modules; it never blocks on a reactive type; and the network packages do not reach
 * into each other or into the sandbox.
 */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("com.funnelgate.adconnectors");

    private static final Set<String> BLOCKING = Set.of("block", "blockFirst", "blockLast", "blockOptional",
            "toIterable", "toStream");

    @Test
    void mainCodeImportsClasses() {
        classes().should().resideInAPackage("com.funnelgate.adconnectors..").check(MAIN);
    }

    @Test
    void mainCodeDependsOnlyOnReactorWebClientAndJackson() {
        classes().that().resideInAPackage("com.funnelgate.adconnectors..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "com.funnelgate.adconnectors..",
                        "java..",
                        "reactor..",
                        "io.netty..",
                        "org.reactivestreams..",
                        "org.springframework.web.reactive.function..",
                        "org.springframework.http..",
                        "org.springframework.core..",
                        "org.springframework.util..",
                        "tools.jackson..",
                        "com.fasterxml.jackson.annotation..",
                        "org.slf4j..")
                .check(MAIN);
    }

    @Test
    void mainCodeNeverBlocks() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe("a blocking Reactor method",
                        (JavaMethodCall call) -> BLOCKING.contains(call.getName())
                                && call.getTargetOwner().getPackageName().startsWith("reactor.core.publisher")))
                .check(MAIN);
    }

    @Test
    void mainCodeNeverSleeps() {
        noClasses().should().callMethod(Thread.class, "sleep", long.class).check(MAIN);
    }

    @Test
    void networkPackagesAreIndependent() {
        for (String network : new String[] {"meta", "googleads", "adroll"}) {
            noClasses().that().resideInAPackage("com.funnelgate.adconnectors." + network + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(otherNetworks(network))
                    .check(MAIN);
        }
    }

    @Test
    void noSpringBootOrGraphQl() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.boot..", "graphql..", "org.springframework.graphql..",
                        "org.springframework.context..", "org.springframework.beans..")
                .check(MAIN);
    }

    private static String[] otherNetworks(String network) {
        return Set.of("meta", "googleads", "adroll", "sandbox").stream()
                .filter(other -> !other.equals(network))
                .map(other -> "com.funnelgate.adconnectors." + other + "..")
                .toArray(String[]::new);
    }
}
