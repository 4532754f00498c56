-- The readiness benchmark's data (ReadinessData), as set-based SQL run by the database owner in one transaction.
-- Sections run in this order: @setup once (in the source tenant, whose framework was instantiated through the API),
-- then for each tenant @framework (not for the source tenant) and @tenant with that tenant set
-- (trellis.tenant_id: row-level security stays forced), then @finish in each tenant, then @close once. Statements end
-- with ";" at the end of a line. The rollup trigger is off while the evidence is linked; @finish rebuilds every
-- tenant's rollup from the evidence.

-- @setup
ALTER TABLE evidence_competency DISABLE TRIGGER readiness_link_changed;
CREATE TEMP TABLE g_ctx (
    tenant_id uuid, identity_provider_id uuid, people int, team_size int, evidence_per_person int,
    version_id uuid, l3 uuid, l4 uuid, l5 uuid) ON COMMIT DROP;
CREATE TEMP TABLE g_src_framework ON COMMIT DROP AS
    SELECT f.* FROM framework f JOIN framework_version v ON v.framework_id = f.id WHERE v.status = 'PUBLISHED';
CREATE TEMP TABLE g_src_version ON COMMIT DROP AS SELECT * FROM framework_version WHERE status = 'PUBLISHED';
CREATE TEMP TABLE g_src_level ON COMMIT DROP AS
    SELECT l.* FROM framework_level l JOIN g_src_version v ON v.id = l.version_id;
CREATE TEMP TABLE g_src_competency ON COMMIT DROP AS
    SELECT c.* FROM framework_competency c JOIN g_src_version v ON v.id = c.version_id;
CREATE TEMP TABLE g_src_expectation ON COMMIT DROP AS
    SELECT e.* FROM framework_expectation e JOIN g_src_competency c ON c.id = e.competency_id;
CREATE TEMP TABLE g_competency (tenant_id uuid, idx int, id uuid) ON COMMIT DROP;
CREATE TEMP TABLE g_team (tenant_id uuid, k int, id uuid, manager_id uuid) ON COMMIT DROP;
CREATE TEMP TABLE g_person (tenant_id uuid, n int, id uuid, team int, manager_id uuid, skill float8, skew float8)
    ON COMMIT DROP;
CREATE TEMP TABLE g_evidence (
    id uuid, person_id uuid, manager_id uuid, i int, kind text, occurred_on date, status text, c1 int, c2 int)
    ON COMMIT DROP;

-- @framework
INSERT INTO framework (tenant_id, id, name, description)
SELECT c.tenant_id, md5(c.tenant_id::text || f.id::text)::uuid, f.name, f.description FROM g_src_framework f, g_ctx c;
INSERT INTO framework_version (tenant_id, id, framework_id, number, status, guidance, published_at,
                               readiness_min_met_percent, readiness_nearly_percent, readiness_sustain_months)
SELECT c.tenant_id, md5(c.tenant_id::text || v.id::text)::uuid, md5(c.tenant_id::text || v.framework_id::text)::uuid,
       v.number, v.status, v.guidance, v.published_at,
       v.readiness_min_met_percent, v.readiness_nearly_percent, v.readiness_sustain_months
  FROM g_src_version v, g_ctx c;
INSERT INTO framework_level (tenant_id, id, version_id, position, code, title, job_level)
SELECT c.tenant_id, md5(c.tenant_id::text || l.id::text)::uuid, md5(c.tenant_id::text || l.version_id::text)::uuid,
       l.position, l.code, l.title, l.job_level
  FROM g_src_level l, g_ctx c;
INSERT INTO framework_competency (tenant_id, id, version_id, position, key, theme, name, description)
SELECT c.tenant_id, md5(c.tenant_id::text || s.id::text)::uuid, md5(c.tenant_id::text || s.version_id::text)::uuid,
       s.position, s.key, s.theme, s.name, s.description
  FROM g_src_competency s, g_ctx c;
INSERT INTO framework_expectation (tenant_id, competency_id, level_id, description, examples, min_endorsed_evidence,
                                   recency_months, min_distinct_kinds, required)
SELECT c.tenant_id, md5(c.tenant_id::text || e.competency_id::text)::uuid, md5(c.tenant_id::text || e.level_id::text)::uuid,
       e.description, e.examples, e.min_endorsed_evidence, e.recency_months, e.min_distinct_kinds, e.required
  FROM g_src_expectation e, g_ctx c;

-- @tenant
UPDATE g_ctx SET version_id = v.id, l3 = l3.id, l4 = l4.id, l5 = l5.id
  FROM framework_version v
  JOIN framework_level l3 ON l3.version_id = v.id AND l3.code = 'L3'
  JOIN framework_level l4 ON l4.version_id = v.id AND l4.code = 'L4'
  JOIN framework_level l5 ON l5.version_id = v.id AND l5.code = 'L5'
 WHERE v.status = 'PUBLISHED';
INSERT INTO g_competency
SELECT c.tenant_id, (row_number() OVER (ORDER BY fc.position) - 1)::int, fc.id
  FROM framework_competency fc JOIN g_ctx c ON c.version_id = fc.version_id;
INSERT INTO g_team
SELECT c.tenant_id, k, gen_random_uuid(), gen_random_uuid()
  FROM g_ctx c, generate_series(0, (c.people - 1) / c.team_size) k;
INSERT INTO g_person
SELECT c.tenant_id, n, gen_random_uuid(), n / c.team_size, t.manager_id, 0.1 + 0.8 * random(), 0.5 + 1.5 * random()
  FROM g_ctx c CROSS JOIN generate_series(0, c.people - 1) n
  JOIN g_team t ON t.tenant_id = c.tenant_id AND t.k = n / c.team_size;
INSERT INTO person (tenant_id, id, email, display_name, title, roles, manager_id, external_id,
                    provisioned_identity_provider_id, profile_source)
SELECT c.tenant_id, t.manager_id, 'manager-' || t.k || '@generated.example', 'Manager ' || t.k, 'Engineering Manager',
       '{MANAGER}', NULL, CASE WHEN c.identity_provider_id IS NOT NULL THEN 'manager-' || t.k END,
       c.identity_provider_id, CASE WHEN c.identity_provider_id IS NOT NULL THEN 'SCIM' ELSE 'ADMIN' END
  FROM g_team t JOIN g_ctx c ON c.tenant_id = t.tenant_id;
INSERT INTO person (tenant_id, id, email, display_name, title, roles, manager_id, external_id,
                    provisioned_identity_provider_id, profile_source)
SELECT c.tenant_id, p.id, 'person-' || p.n || '@generated.example', 'Person ' || lpad(p.n::text, 5, '0'),
       'Engineer ' || (p.n % 5 + 1), '{ENGINEER}', p.manager_id,
       CASE WHEN c.identity_provider_id IS NOT NULL THEN 'person-' || p.n END,
       c.identity_provider_id, CASE WHEN c.identity_provider_id IS NOT NULL THEN 'SCIM' ELSE 'ADMIN' END
  FROM g_person p JOIN g_ctx c ON c.tenant_id = p.tenant_id;
INSERT INTO team (tenant_id, id, name)
SELECT t.tenant_id, t.id, 'Generated team ' || t.k FROM g_team t JOIN g_ctx c ON c.tenant_id = t.tenant_id;
INSERT INTO team_member (tenant_id, team_id, person_id, role)
SELECT t.tenant_id, t.id, t.manager_id, 'MANAGER' FROM g_team t JOIN g_ctx c ON c.tenant_id = t.tenant_id
UNION ALL
SELECT p.tenant_id, t.id, p.id, 'MEMBER'
  FROM g_person p JOIN g_ctx c ON c.tenant_id = p.tenant_id
  JOIN g_team t ON t.tenant_id = p.tenant_id AND t.k = p.team;
INSERT INTO framework_assignment (tenant_id, id, person_id, version_id, current_level_id, assigned_at, assigned_by)
SELECT c.tenant_id, gen_random_uuid(), p.id, c.version_id, CASE WHEN p.n % 4 = 3 THEN c.l4 ELSE c.l3 END,
       now() - interval '1 year', 'benchmark'
  FROM g_person p JOIN g_ctx c ON c.tenant_id = p.tenant_id;
TRUNCATE g_evidence;
INSERT INTO g_evidence
SELECT gen_random_uuid(), p.id, p.manager_id, i,
       (ARRAY['CODE_REVIEW', 'INCIDENT_RESPONSE', 'DESIGN_DOC', 'MENTORING', 'DOCUMENTATION', 'RELEASE',
              'KNOWLEDGE_SHARING', 'DELIVERY'])[1 + floor(random() * 8)::int],
       current_date - floor(random() * 365)::int,
       CASE WHEN random() < p.skill THEN 'ENDORSED'
            ELSE (ARRAY['SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'DRAFT', 'DRAFT', 'DRAFT',
                        'CHANGES_REQUESTED', 'REJECTED', 'WITHDRAWN'])[1 + floor(random() * 10)::int] END,
       floor(n.competencies * power(random(), p.skew))::int,
       CASE WHEN random() < 0.4 THEN floor(random() * (n.competencies - 1))::int + 1 END
  FROM g_ctx c
  JOIN g_person p ON p.tenant_id = c.tenant_id
  CROSS JOIN (SELECT count(*)::int AS competencies FROM g_competency g JOIN g_ctx c ON c.tenant_id = g.tenant_id) n
  CROSS JOIN generate_series(1, c.evidence_per_person) i;
INSERT INTO evidence (tenant_id, id, person_id, logged_by, on_behalf, kind, title, description, occurred_on, impact,
                      source, status, reviewed_by, reviewed_at, version, created_at, updated_at)
SELECT c.tenant_id, e.id, e.person_id, e.person_id::text, false, e.kind,
       initcap(replace(lower(e.kind), '_', ' ')) || ' #' || e.i, '', e.occurred_on, 'TEAM', 'MANUAL', e.status,
       CASE WHEN e.status IN ('ENDORSED', 'CHANGES_REQUESTED', 'REJECTED') THEN e.manager_id END,
       CASE WHEN e.status IN ('ENDORSED', 'CHANGES_REQUESTED', 'REJECTED') THEN e.occurred_on + 3 END,
       CASE e.status WHEN 'DRAFT' THEN 1 WHEN 'SUBMITTED' THEN 2 ELSE 3 END,
       e.occurred_on, e.occurred_on + 3
  FROM g_evidence e, g_ctx c
 ORDER BY e.id;
INSERT INTO evidence_competency (tenant_id, evidence_id, competency_id)
SELECT g.tenant_id, e.id, g.id
  FROM g_evidence e
  JOIN g_ctx c ON true
  JOIN g_competency g ON g.tenant_id = c.tenant_id
   AND (g.idx = e.c1 OR g.idx = (e.c1 + e.c2) % (SELECT count(*) FROM g_competency x WHERE x.tenant_id = c.tenant_id))
 ORDER BY e.id, g.id;
WITH pairs AS (
    SELECT c.tenant_id, gen_random_uuid() AS id, m.id AS mentor_id, e.id AS mentee_id, e.manager_id, m.n
      FROM g_ctx c
      JOIN g_person m ON m.tenant_id = c.tenant_id AND m.n < least(10, c.people / 2)
      JOIN g_person e ON e.tenant_id = c.tenant_id AND e.n = m.n + c.people / 2),
created AS (
    INSERT INTO mentorship (tenant_id, id, mentor_id, mentee_id, status, proposed_by, respond_by, responded_at,
                            started_at, created_at, updated_at, version)
    SELECT tenant_id, id, mentor_id, mentee_id, 'ACTIVE', manager_id, now() - interval '80 days',
           now() - interval '85 days', now() - interval '85 days', now() - interval '90 days',
           now() - interval '85 days', 2
      FROM pairs RETURNING id),
capacity AS (
    INSERT INTO mentor_capacity (tenant_id, person_id, capacity) SELECT tenant_id, mentor_id, 3 FROM pairs)
INSERT INTO mentorship_focus (tenant_id, mentorship_id, competency_id)
SELECT p.tenant_id, p.id, g.id FROM pairs p JOIN g_competency g ON g.tenant_id = p.tenant_id AND g.idx = p.n % 14;
INSERT INTO assessment_cycle (tenant_id, id, name, opens_on, closes_on, status)
SELECT tenant_id, gen_random_uuid(), 'Generated cycle', current_date - 30, current_date + 30, 'OPEN' FROM g_ctx;
INSERT INTO assessment (tenant_id, id, cycle_id, person_id, competency_id, version_id, level_id, kind, rating,
                        assessed_by, assessed_at)
SELECT c.tenant_id, gen_random_uuid(), cy.id, p.id, g.id, c.version_id, CASE WHEN p.n % 4 = 3 THEN c.l5 ELSE c.l4 END,
       k.kind, (ARRAY['BELOW', 'MEETS', 'EXCEEDS'])[1 + floor(random() * 3)::int],
       CASE k.kind WHEN 'SELF' THEN p.id ELSE p.manager_id END, now() - interval '10 days'
  FROM g_ctx c
  JOIN assessment_cycle cy ON cy.tenant_id = c.tenant_id
  JOIN g_person p ON p.tenant_id = c.tenant_id AND p.n % 3 = 0
  JOIN g_competency g ON g.tenant_id = c.tenant_id AND g.idx < 3
  CROSS JOIN (VALUES ('SELF'), ('MANAGER')) k (kind)
 WHERE k.kind = 'SELF' OR p.n % 6 = 0;

-- @finish
SELECT readiness_rebuild();

-- @close
ALTER TABLE evidence_competency ENABLE TRIGGER readiness_link_changed;
