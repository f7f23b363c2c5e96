package org.inspraak.architecture;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.inspraak.ui.LocalePreference;
import org.inspraak.ui.PageSlot;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Guards the package-by-feature architecture: a feature's repositories and entities' persistence are its own;
 * other features go through its public service.
 */
class FeatureBoundariesTest {

    static final List<String> FEATURES = List.of(
            "consultation",
            "idea",
            "vote",
            "reaction",
            "moderation",
            "insight",
            "summary",
            "budget",
            "account",
            "notification",
            "search",
            "ui",
            "security",
            "demo",
            "backup",
            "audit",
            "mail",
            "neighbourhood",
            "webcare",
            "calendar",
            "feed",
            "goal",
            "polis");

    /**
     * What the shell declares for lower modules to implement or name, without any view: the slots of a page that
     * other modules fill, and where a signed-in person's language is kept.
     */
    private static final Class<?>[] SHELL_CONTRACTS = {PageSlot.class, LocalePreference.class};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.inspraak");

    static String featureOf(JavaClass c) {
        String rest = c.getPackageName().replaceFirst("^org\\.inspraak\\.?", "");
        return rest.isEmpty() ? "" : rest.split("\\.")[0];
    }

    @Test
    void repositoriesAreUsedOnlyInsideTheirOwnFeature() {
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .should(new ArchCondition<>("be used only by classes of their own feature") {
                    @Override
                    public void check(JavaClass repository, ConditionEvents events) {
                        String feature = featureOf(repository);
                        repository.getDirectDependenciesToSelf().forEach(d -> {
                            String user = featureOf(d.getOriginClass());
                            if (!user.equals(feature)) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        });
                    }
                })
                .check(CLASSES);
    }

    @Test
    void repositoriesAreNotPublic() {
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .should()
                .notBePublic()
                .check(CLASSES);
    }

    @Test
    void everyClassLivesInAKnownFeaturePackage() {
        classes()
                .should(new ArchCondition<>("live in a feature package or the root") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        String f = featureOf(c);
                        if (!f.isEmpty() && !FEATURES.contains(f)) {
                            events.add(SimpleConditionEvent.violated(
                                    c, c.getName() + " is in unknown feature package " + f));
                        }
                    }
                })
                .check(CLASSES);
    }

    @Test
    void servicesDoNotDependOnViews() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..ui..")
                .and(DescribedPredicate.not(JavaClass.Predicates.simpleNameEndingWith("Config")))
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("..ui..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(SHELL_CONTRACTS))))
                .because("rules live in services, which must not depend on views")
                .check(CLASSES.that(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("org.inspraak.ui"))));
    }

    /**
     * ShedLock refuses, at every run, to lock a method that returns something: such a job never runs at all (IP
     * retention did not, for a while). Scheduled work under a lock returns nothing.
     */
    @Test
    void jobsUnderAClusterLockReturnNothing() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
                .that()
                .areAnnotatedWith(net.javacrumbs.shedlock.spring.annotation.SchedulerLock.class)
                .should()
                .haveRawReturnType(void.class)
                .check(CLASSES);
    }
}
