// What `npm run seed:demo` prints: enough to open the demo and sign in, once. A pure
// function, so a test can sign in with exactly what a person would copy from the terminal.
import type { SeedSummary } from './index.ts';

export function formatSummary(s: SeedSummary, run: { publicUrl: string; elapsedMs: number }): string {
  const { pending, expired, accepted } = s.invitationsByStatus;
  const a = s.analytics;
  const analyst = a.analyst
    ? `${a.analyst.name} (${a.analyst.email}) reads them as an analyst`
    : 'no analyst';
  return `
Demo organisation "${s.organisation}" is ready (${(run.elapsedMs / 1000).toFixed(1)} s):
  ${s.users} people, ${s.departments} departments, ${s.sites} sites, an org chart, ${s.skills} skills with ${s.endorsements} endorsements
  ${s.invitations} invitations (${pending} pending, ${expired} expired, ${accepted} accepted), their mail in Admin → Outbox
  ${s.spaces} spaces, ${s.posts} posts, ${s.comments} comments, ${s.reactions} reactions, ${s.events} events, ${s.pages} knowledge pages
  ${s.formerEmployees} former employee erased (Admin → People), their posts kept as "Former employee"
  Analytics: ${a.days} days of activity (${a.activityEvents} events, ${a.questions} questions, ${a.searchesWithoutResult} searches that found nothing),
    cohorts ${a.cohorts.map((c) => `"${c}"`).join(' and ')}; ${analyst}
  Ideas: ${s.ideas.campaigns} campaigns (one with the external space's customer), ${s.ideas.ideas} ideas at every status, ${s.ideas.votes} votes (Ideas in the menu)
  Customer care: ${s.care.conversations} conversations on ${s.care.channels} channels (Customer care in the menu),
    worked by ${s.care.agents.map((g) => `${g.name} (${g.email})`).join(', ')}
  Ambassadors: ${s.ambassadors.kits} share kits, ${s.ambassadors.ambassadors} ambassadors, ${s.ambassadors.shares} shares and ${s.ambassadors.clicks} clicks;
    communication manager ${s.ambassadors.manager.name} (${s.ambassadors.manager.email}) writes the kits (Ambassadors → Share kits)

Open ${run.publicUrl} and sign in as the administrator:
  email     ${s.admin.email}
  password  ${s.admin.password}

Every other demo account (see Admin → People) uses the password ${s.demoPassword}
Both passwords are random, stored only as hashes, and shown only now.
`;
}
