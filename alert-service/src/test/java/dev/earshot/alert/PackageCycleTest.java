package dev.earshot.alert;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No package of alert-service imports one that imports it back: the wiring at the top ({@code AlertTopology},
 * {@code AlertTopics}) uses the role packages, and each role package only uses those below it
 * (api → incident → detection, notification → catalog → config; messaging and config use none).
 */
class PackageCycleTest {

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.earshot.alert");

    @Test
    void noPackageImportsOneThatImportsItBack() {
        // "(**)" puts the top package in a slice of its own too, so it cannot be imported back either.
        slices().matching("dev.earshot.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
