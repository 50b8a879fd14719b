package io.newsgraph.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

/** A workload runs under its own ServiceAccount, which mounts no API token. */
final class ServiceAccountCheck {
    private ServiceAccountCheck() {}

    static void assertAccount(List<Map<String, Object>> objects, Map<String, Object> workload, String where) {
        String account = (String) Rendered.podSpec(workload).get("serviceAccountName");
        assertEquals(Rendered.name(workload), account, where + " serviceAccountName");
        assertEquals(
                false,
                Rendered.find(objects, "ServiceAccount", account).get("automountServiceAccountToken"),
                where + " ServiceAccount token");
    }
}
