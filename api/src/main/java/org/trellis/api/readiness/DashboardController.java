package org.trellis.api.readiness;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.Ids;
import org.trellis.api.shared.Ids.TeamId;

/** GraphQL {@code dashboard}: the parts not already decided with the scope are read only when asked for. */
@Controller
class DashboardController {

    private final DashboardService dashboards;

    DashboardController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @QueryMapping
    Dashboard dashboard(
            @Argument @Nullable TeamId teamId,
            @Argument @Nullable Integer staleMonths,
            @Argument @Nullable Integer weeks,
            DataFetchingEnvironment environment) {
        RequestBudget.spend(environment, "dashboard", RequestBudget.DASHBOARDS);
        return dashboards.dashboard(
                ActorAuthentication.current(),
                Ids.valueOf(teamId),
                staleMonths == null ? 6 : staleMonths,
                weeks == null ? 12 : weeks);
    }

    @SchemaMapping(typeName = "Dashboard", field = "readinessDistribution")
    List<Dashboard.VerdictCount> readinessDistribution(Dashboard dashboard) {
        return dashboards.distribution(dashboard);
    }

    @SchemaMapping(typeName = "Dashboard", field = "topGaps")
    List<Dashboard.GapCount> topGaps(Dashboard dashboard) {
        return dashboards.topGaps(dashboard);
    }

    @SchemaMapping(typeName = "Dashboard", field = "mentoringCoverage")
    Dashboard.Coverage mentoringCoverage(Dashboard dashboard) {
        return dashboards.coverage(ActorAuthentication.current(), dashboard);
    }

    @SchemaMapping(typeName = "Dashboard", field = "evidenceActivity")
    List<Dashboard.WeekActivity> evidenceActivity(Dashboard dashboard) {
        return dashboards.activity(dashboard);
    }

    @SchemaMapping(typeName = "Dashboard", field = "staleCompetencies")
    List<Dashboard.StaleCompetency> staleCompetencies(Dashboard dashboard) {
        return dashboards.stale(dashboard);
    }

    @SchemaMapping(typeName = "Heatmap", field = "csv")
    String csv(Dashboard.Heatmap heatmap) {
        return HeatmapCsv.csv(heatmap);
    }
}
