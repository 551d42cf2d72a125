package dev.earshot.sentiment;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** No package of sentiment-service imports one that imports it back (as alert-service's and ingest-service's checks). */
class PackageCycleTest {

    @Test
    void noPackageImportsOneThatImportsItBack() {
        // "(**)" puts the top package in a slice of its own too, so it cannot be imported back either.
        slices().matching("dev.earshot.(**)").should().beFreeOfCycles().check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.earshot.sentiment"));
    }
}
