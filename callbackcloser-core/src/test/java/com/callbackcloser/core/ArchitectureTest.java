package com.callbackcloser.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.callbackcloser.core");

    @Test
    void coreDependsOnNoFramework() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.dropwizard..",
                        "org.jdbi..",
                        "com.fasterxml..",
                        "jakarta..",
                        "javax.ws..",
                        "com.twilio..",
                        "com.stripe..",
                        "lombok..",
                        "org.eclipse.jetty..",
                        "org.glassfish..",
                        "com.callbackcloser.db..",
                        "com.callbackcloser.api..")
                .check(core);
    }

    @Test
    void servicesUsePortsNotAdapters() {
        noClasses()
                .that()
                .resideInAPackage("com.callbackcloser.core.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.callbackcloser.core.service..", "com.callbackcloser.core.port..")
                .check(core);
    }
}
