// Analytics at 50 million events (issue 6, fourth pass): distinct members of a department,
// site or people cohort active each day. The adoption dashboard filtered by one of them
// counted its members' person-days (~50,000 rows for a department at bench scale) for its
// daily active people; it now reads one row a day while the group's roll-ups are up to date
// with its members (rollups/groups.ts keeps it). Filled here from the person-days and the
// groups already noted: no rebuild is needed after upgrading.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    CREATE TABLE analytics_group_active (
      grp text NOT NULL,
      day date NOT NULL,
      active integer NOT NULL,
      PRIMARY KEY (grp, day)
    );
    INSERT INTO analytics_group_active (grp, day, active)
    SELECT x.grp, d.day, count(*)
    FROM analytics_person_days d JOIN analytics_person_groups g ON g.user_id = d.user_id, unnest(g.groups) x(grp)
    GROUP BY 1, 2;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE analytics_group_active;').execute(db);
}
