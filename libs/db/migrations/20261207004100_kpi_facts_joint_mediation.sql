-- The joint-mediation cycle (issue 21: "the flag is stored but never read"): a case mediated jointly
-- (mediator + legal adviser + counselor, `in-mediation` with joint = true) keeps that flag in
-- `cases.joint_mediation`; the KPI facts view now carries it, so the tiles can compare the cycle of
-- jointly mediated cases with the same window a year earlier (domain: −65 %).

-- migrate:up
CREATE OR REPLACE VIEW case_kpi_facts AS
SELECT case_id, county, township, reported_at,
       first_triaged_at AS triaged_at, tier, tier_at,
       first_assigned_at AS assigned_at,
       first_leader_assigned_at AS leader_assigned_at,
       first_escalated_at AS escalated_at,
       first_resolved_at AS resolved_at,
       first_closed_at AS closed_at,
       first_reopened_at AS reopened_at,
       satisfaction,
       coalesce(joint_mediation, false) AS joint_mediation
FROM cases;

-- migrate:down
DROP VIEW case_kpi_facts;
CREATE VIEW case_kpi_facts AS
SELECT case_id, county, township, reported_at,
       first_triaged_at AS triaged_at, tier, tier_at,
       first_assigned_at AS assigned_at,
       first_leader_assigned_at AS leader_assigned_at,
       first_escalated_at AS escalated_at,
       first_resolved_at AS resolved_at,
       first_closed_at AS closed_at,
       first_reopened_at AS reopened_at,
       satisfaction
FROM cases;
