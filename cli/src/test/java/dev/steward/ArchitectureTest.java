package dev.steward;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DESIGN.md's directions, checked on the compiled main classes of every module (cli's tests see
 * them all): activities → workflows; worker → both; cli → worker; and workflow code never does I/O,
 * reads clocks or randomness, or starts threads except through {@code Workflow.*}.
 */
class ArchitectureTest {
  private static final String WORKFLOWS = "dev.steward.workflows..";
  private static final String ACTIVITIES = "dev.steward.activities..";
  private static final String WORKER = "dev.steward.worker..";
  private static final String CLI = "dev.steward.cli..";

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    // Test classes (target/test-classes, and the modules' test-jars) are not what ships.
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.steward");
    for (String name :
        List.of(
            "dev.steward.workflows.update.UpdateWorkflowImpl",
            "dev.steward.activities.pipeline.PipelineActivitiesImpl",
            "dev.steward.worker.StewardWorker",
            "dev.steward.cli.Steward")) {
      assertTrue(main.contain(name), "not imported, so nothing would be checked: " + name);
    }
    assertTrue(
        main.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")),
        "test classes were imported");
  }

  @Test
  void workflows_depend_on_no_other_module() {
    noClasses()
        .that()
        .resideInAPackage(WORKFLOWS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ACTIVITIES, WORKER, CLI)
        .check(main);
  }

  @Test
  void activities_depend_on_neither_the_worker_nor_the_cli() {
    noClasses()
        .that()
        .resideInAPackage(ACTIVITIES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(WORKER, CLI)
        .check(main);
  }

  @Test
  void the_worker_does_not_depend_on_the_cli() {
    noClasses()
        .that()
        .resideInAPackage(WORKER)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(CLI)
        .check(main);
  }

  @Test
  void workflow_code_does_no_io() {
    noClasses()
        .that()
        .resideInAPackage(WORKFLOWS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.io..", "java.nio.file..", "java.nio.channels..", "java.net..")
        .because("workflow code is replayed: the host is reached only through activities")
        .check(main);
  }

  @Test
  void workflow_code_reads_clocks_and_randomness_only_through_workflow() {
    noClasses()
        .that()
        .resideInAPackage(WORKFLOWS)
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(UUID.class, "randomUUID")
        .orShould()
        .callMethod(Math.class, "random")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.Random")
        .because(
            "replay must see the same values: use Workflow.currentTimeMillis, Workflow.newRandom")
        .check(main);
  }

  @Test
  void workflow_code_starts_no_threads_of_its_own() {
    noClasses()
        .that()
        .resideInAPackage(WORKFLOWS)
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(Thread.class.getName())
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.concurrent.Executors")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.concurrent.ExecutorService")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.concurrent.CompletableFuture")
        .because("workflow code runs on the SDK's deterministic threads: use Async and Promise")
        .check(main);
  }

  @ParameterizedTest(name = "{0} has no package cycle")
  @ValueSource(strings = {"workflows", "activities", "worker", "cli"})
  void a_module_has_no_package_cycle(String module) {
    slices()
        .assignedFrom(packagesOf("dev.steward." + module))
        .should()
        .beFreeOfCycles()
        // picocli's tree, not a layering: the root command lists its subcommands in its
        // annotation, and each names the root as its parent to reach -c and the output streams.
        .ignoreDependency(
            HasName.Predicates.name("dev.steward.cli.Steward"),
            JavaClass.Predicates.resideInAPackage("dev.steward.cli.commands"))
        .check(main);
  }

  /** Each package of a module, its root package included, is one slice. */
  private static SliceAssignment packagesOf(String root) {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        return name.equals(root) || name.startsWith(root + ".")
            ? SliceIdentifier.of(name)
            : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "the packages of " + root;
      }
    };
  }
}
