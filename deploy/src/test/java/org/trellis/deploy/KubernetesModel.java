package org.trellis.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;

/**
 * Reads rendered manifests into the Kubernetes API model (fabric8), strictly: an apiVersion/kind the chart should not
 * use, a field of the wrong type, or any field the API does not have (a typo, a wrong indentation) fails the test.
 * fabric8 keeps unknown fields in {@code additionalProperties} rather than refusing them, so every object of the
 * model is walked and those maps must be empty.
 */
final class KubernetesModel {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The API types the chart renders, by apiVersion/kind. */
    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "batch/v1/Job", Job.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    private KubernetesModel() {}

    static boolean knows(Map<String, Object> manifest) {
        return TYPES.containsKey(key(manifest));
    }

    static HasMetadata read(Map<String, Object> manifest) {
        Class<? extends HasMetadata> type = TYPES.get(key(manifest));
        assertThat(type).as("a known apiVersion/kind: " + key(manifest)).isNotNull();
        HasMetadata object = MAPPER.convertValue(manifest, type);
        assertNoUnknownFields(object, key(manifest) + " " + object.getMetadata().getName());
        return object;
    }

    private static String key(Map<String, Object> manifest) {
        return manifest.get("apiVersion") + "/" + manifest.get("kind");
    }

    private static void assertNoUnknownFields(Object node, String path) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                assertNoUnknownFields(item, path + "[" + i++ + "]");
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> assertNoUnknownFields(v, path + "." + k));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                assertThat((Map<?, ?>) value)
                        .as("fields the API does not have at " + path)
                        .isEmpty();
            } else {
                assertNoUnknownFields(value, path + "." + getter.getName().substring(3));
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(getter.toString(), e);
        }
    }
}
