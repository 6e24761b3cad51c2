package org.quantlstm;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Layers run one way: common → data → features → model → tuning → signal → backtest → portfolio → analytics →
 * report → workflow → systems → audit → cli; each system's package stands alone.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.quantlstm");
    }

    @Test
    void layersOnlyDependLeftwards() {
        String[] order = {"common", "data", "features", "model", "tuning", "signal", "backtest", "portfolio",
                "analytics", "report", "workflow", "systems", "audit", "cli"};
        var arch = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : order) {
            arch = arch.layer(layer).definedBy("org.quantlstm." + layer + "..");
        }
        for (int i = 0; i < order.length - 1; i++) {
            String[] right = java.util.Arrays.copyOfRange(order, i + 1, order.length);
            arch = arch.whereLayer(order[i]).mayOnlyBeAccessedByLayers(right);
        }
        arch.whereLayer("cli").mayNotBeAccessedByAnyLayer().allowEmptyShould(true).check(classes);
    }

    @Test
    void systemsDoNotDependOnEachOther() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("org.quantlstm.systems.(*)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void onlyModelSeesDjl() {
        noClasses().that().resideOutsideOfPackage("org.quantlstm.model..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .check(classes);
    }
}
