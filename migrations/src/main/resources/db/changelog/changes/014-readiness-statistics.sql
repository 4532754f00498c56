--liquibase formatted sql

--changeset trellis:014-readiness-statistics
--comment: Tenant-leading keys make tenant_id and person_id correlated (a person belongs to one tenant), so the planner multiplied their selectivities: at 20 tenants of 100 people it estimated the rollup cells of a team of 50 (682 rows) at 11 and joined them through a materialized scan, and that team's endorsed evidence (4,666 rows) at 121. With these dependencies it estimates 231 and 2,481 and picks an index scan per competency for the cells (execution 3.2 to 1.2 ms, dashboard query +15-35 % throughput) and a hash join for the evidence (+35 %). Measured with the readiness benchmark's data (README "Benchmarks").
CREATE STATISTICS readiness_cell_tenant_person (dependencies) ON tenant_id, person_id FROM readiness_cell;
CREATE STATISTICS evidence_tenant_person (dependencies) ON tenant_id, person_id FROM evidence;
