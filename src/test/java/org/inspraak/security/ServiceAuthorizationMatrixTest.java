package org.inspraak.security;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.inspraak.InspraakException;
import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every state-changing operation of every service, called as anonymous visitor, resident, moderator, council
 * member and admin, against an explicit table of who may perform it. An operation that is not in the table fails
 * the test, so nobody adds one without deciding its audience. "Internal" operations (seeding, imports from the
 * command line, schedulers, other services) check no user; the test proves that no view calls them.
 */
class ServiceAuthorizationMatrixTest extends IntegrationTest {

    static final String ANON = "anonymous",
            RESIDENT = "resident",
            MODERATOR = "moderator",
            COUNCIL = "council",
            ADMIN = "admin";
    static final List<String> PRINCIPALS = List.of(ANON, RESIDENT, MODERATOR, COUNCIL, ADMIN);
    static final Set<String> EVERYONE = Set.of(ANON, RESIDENT, MODERATOR, COUNCIL, ADMIN);
    static final Set<String> SIGNED_IN = Set.of(RESIDENT, MODERATOR, COUNCIL, ADMIN);
    static final Set<String> STAFF = Set.of(MODERATOR, ADMIN);
    static final Set<String> READERS = Set.of(MODERATOR, COUNCIL, ADMIN);
    static final Set<String> ONLY_RESIDENT = Set.of(RESIDENT);
    static final Set<String> ONLY_ADMIN = Set.of(ADMIN);
    /** No user check: called by other services, seeding, the command line or schedulers, never by a view. */
    static final Set<String> INTERNAL = Set.of("internal");

    static final Map<String, Set<String>> EXPECTED = expected();

    private static Map<String, Set<String>> expected() {
        Map<String, Set<String>> m = new TreeMap<>();
        for (String line : MatrixTable.LINES) {
            String[] parts = line.split("\\s*=\\s*");
            Set<String> audience = switch (parts[1].strip()) {
                case "everyone" -> EVERYONE;
                case "signed-in" -> SIGNED_IN;
                case "resident" -> ONLY_RESIDENT;
                case "staff" -> STAFF;
                case "readers" -> READERS;
                case "admin" -> ONLY_ADMIN;
                case "internal" -> INTERNAL;
                default -> throw new IllegalArgumentException(line);
            };
            m.put(parts[0].strip(), audience);
        }
        return m;
    }

    @Autowired
    ApplicationContext context;

    static boolean stateChanging(Method m) {
        if (!Modifier.isPublic(m.getModifiers())
                || Modifier.isStatic(m.getModifiers())
                || m.isSynthetic()
                || m.isBridge()) {
            return false;
        }
        // Listeners (also those marked through a meta-annotation, such as module listeners) and schedules are
        // called by the framework, never by a person.
        if (AnnotatedElementUtils.hasAnnotation(m, EventListener.class)
                || AnnotatedElementUtils.hasAnnotation(m, TransactionalEventListener.class)
                || AnnotatedElementUtils.hasAnnotation(m, Scheduled.class)) {
            return false;
        }
        Transactional tx = m.getAnnotation(Transactional.class);
        return tx == null || !tx.readOnly();
    }

    static String key(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName() + "("
                + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(",")) + ")";
    }

    private Map<String, Method> operations() {
        Map<String, Method> ops = new TreeMap<>();
        for (Object bean : context.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getPackageName().startsWith("org.inspraak")) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (stateChanging(m)) {
                    ops.put(key(m), m);
                }
            }
        }
        return ops;
    }

    @Test
    void everyStateChangingOperationHasAnEntry() {
        Set<String> actual = operations().keySet();
        assertThat(new TreeSet<>(actual))
                .as("operations without an entry in MatrixTable")
                .isSubsetOf(EXPECTED.keySet());
        assertThat(new TreeSet<>(EXPECTED.keySet()))
                .as("entries for operations that no longer exist")
                .isSubsetOf(actual);
    }

    @Test
    void eachOperationAdmitsExactlyItsAudience() throws Exception {
        Map<String, TestData.User> users = new LinkedHashMap<>();
        users.put(RESIDENT, data.user());
        users.put(MODERATOR, data.user(Role.MODERATOR));
        users.put(COUNCIL, data.user(Role.COUNCIL_MEMBER));
        users.put(ADMIN, data.user(Role.ADMIN));
        Map<String, Set<String>> wrong = new TreeMap<>();
        for (Map.Entry<String, Method> op : operations().entrySet()) {
            Set<String> expected = EXPECTED.get(op.getKey());
            boolean print = Boolean.getBoolean("matrix.print");
            if (!print && (expected == null || expected == INTERNAL)) {
                continue;
            }
            Method m = op.getValue();
            Object bean = context.getBean(m.getDeclaringClass());
            Set<String> admitted = new TreeSet<>();
            for (String who : PRINCIPALS) {
                if (who.equals(ANON)) {
                    data.logout();
                } else {
                    data.authenticate(users.get(who));
                }
                if (!denied(bean, m)) {
                    admitted.add(who);
                }
            }
            data.logout();
            if (print) {
                System.out.println("MATRIX " + op.getKey() + " = " + admitted);
                continue;
            }
            if (!admitted.equals(expected)) {
                wrong.put(op.getKey(), admitted);
            }
        }
        assertThat(wrong)
                .as("operations whose actual audience differs from the table")
                .isEmpty();
    }

    /** Calls the operation with harmless placeholder arguments; true when it refused the caller's identity. */
    private boolean denied(Object bean, Method m) {
        Object[] args = Arrays.stream(m.getParameters())
                .map(ServiceAuthorizationMatrixTest::placeholder)
                .toArray();
        try {
            m.invoke(bean, args);
            return false;
        } catch (InvocationTargetException e) {
            return isDenial(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isDenial(Throwable t) {
        if (t instanceof AccessDeniedException || t instanceof AuthenticationCredentialsNotFoundException) {
            return true;
        }
        return t instanceof InspraakException ie
                && Set.of("error.login-required", "error.forbidden", "error.insight.access", "error.summary.readers")
                        .contains(ie.key());
    }

    static Object placeholder(Parameter p) {
        Class<?> t = p.getType();
        if (t == long.class || t == Long.class) {
            return 987_654_321L;
        }
        if (t == int.class || t == Integer.class) {
            return 1;
        }
        if (t == boolean.class || t == Boolean.class) {
            return false;
        }
        if (t == double.class) {
            return 1.0;
        }
        if (t == String.class) {
            return "placeholder text";
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[0];
        }
        if (t == Instant.class) {
            return Instant.now().plusSeconds(3600);
        }
        if (t == LocalDate.class) {
            return LocalDate.now().plusDays(1);
        }
        if (t == Locale.class) {
            return Locale.ENGLISH;
        }
        if (Set.class.isAssignableFrom(t)) {
            return new LinkedHashSet<>();
        }
        if (List.class.isAssignableFrom(t) || Collection.class.isAssignableFrom(t)) {
            return new ArrayList<>();
        }
        if (Map.class.isAssignableFrom(t)) {
            return new LinkedHashMap<>();
        }
        if (t == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (t == DoubleConsumer.class) {
            return (DoubleConsumer) x -> {};
        }
        return null;
    }

    /** Internal operations must not be reachable from a view: only services, seeding and commands call them. */
    @Test
    void noViewCallsAnInternalOperation() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.inspraak");
        Set<String> internal = EXPECTED.entrySet().stream()
                .filter(e -> e.getValue() == INTERNAL)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        List<String> offending = new ArrayList<>();
        classes.stream().filter(c -> c.getPackageName().contains(".ui")).forEach(c -> {
            for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                var target = call.getTarget();
                String k = target.getOwner().getSimpleName() + "." + target.getName() + "("
                        + target.getRawParameterTypes().stream()
                                .map(p -> p.getSimpleName())
                                .collect(Collectors.joining(","))
                        + ")";
                if (internal.contains(k)) {
                    offending.add(c.getSimpleName() + " -> " + k);
                }
            }
        });
        assertThat(offending).isEmpty();
    }
}
