package org.trellis.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.trellis.api.support.RoleMatrix.Operation;

/**
 * Every Query, Mutation and Subscription field of the schema is in a role matrix, and every matrix asks all nine kinds of caller: a
 * new operation cannot be added without a matrix row.
 */
class RoleMatrixCoverageUnitTest {

    private static final List<String> MATRICES = List.of(
            "org.trellis.api.tenancy.TenancyRoleMatrixIntegrationTest",
            "org.trellis.api.people.PeopleRoleMatrixIntegrationTest",
            "org.trellis.api.frameworks.FrameworkRoleMatrixIntegrationTest",
            "org.trellis.api.evidence.EvidenceRoleMatrixIntegrationTest",
            "org.trellis.api.webhooks.WebhookRoleMatrixIntegrationTest",
            "org.trellis.api.notifications.NotificationRoleMatrixIntegrationTest",
            "org.trellis.api.mentoring.MentoringRoleMatrixIntegrationTest",
            "org.trellis.api.readiness.ReadinessRoleMatrixIntegrationTest",
            "org.trellis.api.readiness.PromotionRoleMatrixIntegrationTest",
            "org.trellis.api.privacy.PrivacyRoleMatrixIntegrationTest",
            "org.trellis.api.live.LiveRoleMatrixIntegrationTest");

    /** The kinds of caller every matrix asks (the manager and the owner may come in several relations). */
    private static final List<String> KINDS = List.of(
            "ADMIN",
            "CLIENT_READ",
            "CLIENT_WRITE",
            "CLIENT_OTHER_SCOPE",
            "COLLEAGUE",
            "PLATFORM",
            "OTHER_TENANT_ADMIN");

    @Test
    void everyQueryMutationAndSubscriptionIsInAMatrix() throws Exception {
        TypeDefinitionRegistry schema = schema();
        Set<String> covered = new TreeSet<>();
        for (String matrix : MATRICES) {
            for (Operation<?> operation : operations(matrix)) {
                covered.add(operation.root() + "." + operation.field());
            }
        }
        Set<String> missing = new TreeSet<>();
        for (String root : List.of("Query", "Mutation", "Subscription")) {
            for (String field : fields(schema, root)) {
                if (!covered.contains(root + "." + field)) {
                    missing.add(root + "." + field);
                }
            }
        }
        assertThat(fields(schema, "Query")).as("the schema was read").contains("me", "frameworkVersionDiff");
        assertThat(fields(schema, "Subscription")).as("subscriptions were read").contains("evidenceChanged");
        assertThat(missing).as("operations without a role-matrix row").isEmpty();
    }

    @Test
    void everyMatrixAsksAllNineKindsOfCaller() throws Exception {
        for (String matrix : MATRICES) {
            List<String> callers = Stream.of(Class.forName(matrix + "$Caller").getEnumConstants())
                    .map(caller -> ((Enum<?>) caller).name())
                    .toList();
            assertThat(callers).as(matrix).containsAll(KINDS);
            assertThat(callers)
                    .as(matrix + ": a manager")
                    .anyMatch(name -> name.endsWith("MANAGER") && !name.equals("OTHER_TENANT_ADMIN"));
            assertThat(callers)
                    .as(matrix + ": the owner of the targets (or their relation)")
                    .anyMatch(name ->
                            Set.of("OWNER", "ENGINEER", "MENTOR", "MENTEE").contains(name));
            assertThat(callers).as(matrix + ": nine kinds").hasSizeGreaterThanOrEqualTo(9);
        }
    }

    private static List<Operation<?>> operations(String matrix) throws ReflectiveOperationException {
        Method rows = Class.forName(matrix).getDeclaredMethod("matrix");
        rows.setAccessible(true);
        List<Operation<?>> operations = new ArrayList<>();
        try (Stream<?> arguments = (Stream<?>) rows.invoke(null)) {
            arguments.forEach(row -> operations.add((Operation<?>) ((Arguments) row).get()[0]));
        }
        return operations;
    }

    private static TypeDefinitionRegistry schema() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls");
        assertThat(files).as("schema files").isNotEmpty();
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                registry.merge(new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return registry;
    }

    private static Set<String> fields(TypeDefinitionRegistry schema, String root) {
        Set<String> fields = new TreeSet<>();
        schema.getType(root, ObjectTypeDefinition.class)
                .ifPresent(type -> type.getFieldDefinitions().forEach(field -> fields.add(field.getName())));
        schema.objectTypeExtensions()
                .getOrDefault(root, List.of())
                .forEach(extension -> extension.getFieldDefinitions().stream()
                        .map(FieldDefinition::getName)
                        .forEach(fields::add));
        return fields;
    }
}
