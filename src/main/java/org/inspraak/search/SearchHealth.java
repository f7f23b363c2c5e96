package org.inspraak.search;

import java.io.IOException;

import jakarta.persistence.EntityManagerFactory;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.engine.backend.Backend;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search part of readiness ({@code /actuator/health/readiness}): the embedded index is always there; a search
 * cluster must answer and be green or yellow (yellow: every index can be searched, some replica is missing). A
 * node whose search cluster is red or unreachable is taken out of the load balancer's rotation rather than showing
 * residents empty results.
 */
@Component("search")
class SearchHealth extends AbstractHealthIndicator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EntityManagerFactory emf;
    private final SearchIndexMaintenance maintenance;

    SearchHealth(EntityManagerFactory emf, SearchIndexMaintenance maintenance) {
        this.emf = emf;
        this.maintenance = maintenance;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws IOException {
        Backend backend = Search.mapping(emf).backend();
        builder.withDetail("rebuilding", maintenance.isRebuilding());
        if (!(backend instanceof ElasticsearchBackend es)) {
            builder.up().withDetail("backend", "lucene");
            return;
        }
        RestClient client = es.client(RestClient.class);
        var response = client.performRequest(new Request("GET", "/_cluster/health"));
        String status =
                JSON.readTree(response.getEntity().getContent()).path("status").asString();
        builder.withDetail("backend", "opensearch").withDetail("cluster", status);
        if ("green".equals(status) || "yellow".equals(status)) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
