// Ideas through the API: campaigns in a space (owners or administrators), ideas from anyone
// who may read the space (guests of an external space included), similar ideas, votes once
// per person, follows, comments, the status pipeline with explanations, audit and
// notifications, internal evaluations hidden from guests, merging duplicates, the ranked
// board and the campaign report, files attached to ideas, editing and closing a campaign —
// and nothing of a private campaign (nor its files) for outsiders.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import {
  addMember,
  makeSpace,
  type Person,
  person,
  removeMember,
  upload,
} from '../helpers/stream-fixtures.ts';

describe('ideas', () => {
  const t = useServer({ worker: false });
  let admin: Person;
  let owner: Person;
  let moderator: Person;
  let employee: Person;
  let colleague: Person;
  let outsider: Person;
  let guest: Person;
  let external: { id: string };
  let privateSpace: { id: string };
  let campaignId: string;

  const hour = 3_600_000;
  const window = () => ({
    opensAt: new Date(t.server.clock.now().getTime() - hour).toISOString(),
    closesAt: new Date(t.server.clock.now().getTime() + 30 * 24 * hour).toISOString(),
  });

  beforeAll(async () => {
    const org = await setUpOrganisation(t.server);
    admin = { ...org.admin, client: org.client, handle: '' };
    owner = await person(t.server);
    moderator = await person(t.server);
    employee = await person(t.server);
    colleague = await person(t.server);
    outsider = await person(t.server);
    guest = await person(t.server, { role: 'guest', email: 'ana@customer.example' });
    external = await makeSpace(t.server, {
      visibility: 'private',
      external: true,
      owner,
      members: [[moderator, 'moderator'], employee, colleague, guest],
    });
    privateSpace = await makeSpace(t.server, { visibility: 'private', owner, members: [employee] });
  });

  const submit = (who: Person, title: string, description = '') =>
    who.client.call(api.submitIdea, { params: { id: campaignId }, body: { title, description } });
  const vote = (who: Person, id: string, voted = true) =>
    who.client.call(api.voteIdea, { params: { id }, body: { voted } });
  const move = (who: Person, id: string, status: string, explanation = 'Because.') =>
    who.client.call(api.changeIdeaStatus, { params: { id }, body: { status, explanation } as never });

  it('lets the space owner open a campaign, and refuses members and guests', async () => {
    const body = {
      spaceId: external.id,
      title: 'Improve the mobile app',
      description: 'Tell us',
      criteria: ['Impact', 'Effort'],
      ...window(),
    };
    expect((await employee.client.call(api.createCampaign, { body })).status).toBe(403);
    expect((await guest.client.call(api.createCampaign, { body })).status).toBe(403);
    const bad = await owner.client.call(api.createCampaign, { body: { ...body, closesAt: body.opensAt } });
    expect(bad.status).toBe(400);
    const res = await owner.client.call(api.createCampaign, { body });
    expect(res.status, res.text).toBe(201);
    campaignId = res.body.id;
    expect(res.body.criteria).toEqual(['Impact', 'Effort']);
    expect(res.body.canEvaluate).toBe(true);
    const audit = await t.server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', campaignId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['idea_campaign.created']);
    const seen = await guest.client.call(api.listCampaigns, {});
    expect(seen.body.items.map((c: { id: string }) => c.id)).toContain(campaignId);
    expect(
      seen.body.items.find((c: { id: string; canEvaluate: boolean }) => c.id === campaignId)?.canEvaluate,
    ).toBe(false);
  });

  it('takes ideas from guests and members, suggests similar ones, counts one vote per person', async () => {
    const first = await submit(guest, 'Dark mode in the mobile app', 'Easier on the eyes at night');
    expect(first.status, first.text).toBe(201);
    const id = first.body.idea.id;
    expect(first.body.idea.status).toBe('new');
    expect(first.body.idea.following).toBe(true);
    const similar = await employee.client.call(api.similarIdeas, {
      params: { id: campaignId },
      query: { q: 'mobile dark theme' },
    });
    expect(similar.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    const none = await employee.client.call(api.similarIdeas, {
      params: { id: campaignId },
      query: { q: 'payroll' },
    });
    expect(none.body.items).toEqual([]);
    expect((await submit(employee, '')).status).toBe(400);

    expect((await vote(employee, id)).body.idea.votes).toBe(1);
    expect((await vote(employee, id)).body.idea.votes).toBe(1);
    expect((await vote(colleague, id)).body.idea.votes).toBe(2);
    const withdrawn = await vote(colleague, id, false);
    expect(withdrawn.body.idea).toMatchObject({ votes: 1, voted: false });
    await vote(colleague, id);
    const comment = await employee.client.call(api.commentIdea, {
      params: { id },
      body: { body: 'Yes please' },
    });
    expect(comment.status).toBe(201);
    expect(comment.body.comments.map((c: { body: string }) => c.body)).toEqual(['Yes please']);
  });

  it('moves an idea along the pipeline with an explanation, audits it and notifies author, voters and followers', async () => {
    const board = await guest.client.call(api.getCampaignBoard, {
      params: { id: campaignId },
      query: { sort: 'votes' },
    });
    const id = board.body.items[0]!.id;
    expect(
      (await guest.client.call(api.followIdea, { params: { id }, body: { following: true } })).status,
    ).toBe(200);
    await outsider.client.call(api.followIdea, { params: { id }, body: { following: true } });
    expect((await move(employee, id, 'planned')).status).toBe(403);
    expect((await move(guest, id, 'planned')).status).toBe(403);
    expect((await move(moderator, id, 'planned', '  ')).status).toBe(400);
    const planned = await move(moderator, id, 'planned', 'On the roadmap for spring');
    expect(planned.status, planned.text).toBe(200);
    const shipped = await move(owner, id, 'shipped', 'Released in version 4.2');
    expect(shipped.body.idea.status).toBe('shipped');
    expect(
      shipped.body.history.map((h: { from: string; to: string; explanation: string }) => [
        h.from,
        h.to,
        h.explanation,
      ]),
    ).toEqual([
      ['new', 'planned', 'On the roadmap for spring'],
      ['planned', 'shipped', 'Released in version 4.2'],
    ]);
    const audit = await t.server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['idea.status_changed', 'idea.status_changed']);
    for (const who of [guest, employee, colleague]) {
      const n = await t.server.ctx.db
        .selectFrom('notifications')
        .select('kind')
        .where('user_id', '=', who.id)
        .where('kind', '=', 'idea_status')
        .execute();
      expect(n.length, who.email).toBe(2);
    }
    const page = await guest.client.call(api.listNotifications, { query: {} as never });
    expect(page.body.items[0]).toMatchObject({
      kind: 'idea_status',
      idea: { ideaId: id, status: 'shipped' },
    });
    const activity = await t.server.ctx.db
      .selectFrom('activity_events')
      .select('verb')
      .where('object_id', '=', id)
      .execute();
    expect(activity.map((a) => a.verb)).toContain('idea.status_changed');
  });

  it('keeps evaluations internal: evaluators score on the criteria, guests never see the notes', async () => {
    const idea = (await submit(employee, 'Offline mode for field teams')).body.idea;
    const bad = await moderator.client.call(api.evaluateIdea, {
      params: { id: idea.id },
      body: { scores: { Price: 3 }, note: '' },
    });
    expect(bad.status).toBe(400);
    const scored = await moderator.client.call(api.evaluateIdea, {
      params: { id: idea.id },
      body: { scores: { Impact: 5, Effort: 3 }, note: 'Costly: needs the sync engine rewrite' },
    });
    expect(scored.status, scored.text).toBe(200);
    expect(scored.body.idea.score).toBe(4);
    expect(scored.body.evaluations?.[0]?.note).toBe('Costly: needs the sync engine rewrite');
    expect(
      (
        await guest.client.call(api.evaluateIdea, {
          params: { id: idea.id },
          body: { scores: {}, note: 'x' },
        })
      ).status,
    ).toBe(403);
    const seenByGuest = await guest.client.call(api.getIdea, { params: { id: idea.id } });
    expect(seenByGuest.status).toBe(200);
    expect(seenByGuest.body.evaluations).toBeNull();
    expect(seenByGuest.text).not.toContain('sync engine rewrite');
    const seenByMember = await employee.client.call(api.getIdea, { params: { id: idea.id } });
    expect(seenByMember.body.evaluations).toBeNull();
    const byScore = await guest.client.call(api.getCampaignBoard, {
      params: { id: campaignId },
      query: { sort: 'score' },
    });
    expect(byScore.body.items[0]!.id).toBe(idea.id);
    expect((await guest.client.call(api.campaignReport, { params: { id: campaignId } })).status).toBe(403);
  });

  it('merges a duplicate, carrying votes and followers over without counting anyone twice', async () => {
    const original = (await submit(employee, 'Share documents with customers')).body.idea;
    const duplicate = (await submit(guest, 'Share files with customers')).body.idea;
    await vote(colleague, original.id);
    await vote(colleague, duplicate.id);
    await vote(moderator, duplicate.id);
    expect(
      (
        await employee.client.call(api.mergeIdea, {
          params: { id: duplicate.id },
          body: { intoId: original.id },
        })
      ).status,
    ).toBe(403);
    const merged = await moderator.client.call(api.mergeIdea, {
      params: { id: duplicate.id },
      body: { intoId: original.id },
    });
    expect(merged.status, merged.text).toBe(200);
    expect(merged.body.idea.mergedInto).toBe(original.id);
    const survivor = await guest.client.call(api.getIdea, { params: { id: original.id } });
    expect(survivor.body.idea.votes).toBe(2);
    expect(survivor.body.idea.following).toBe(true);
    const board = await employee.client.call(api.getCampaignBoard, {
      params: { id: campaignId },
      query: { sort: 'recent' },
    });
    expect(board.body.items.map((i: { id: string }) => i.id)).not.toContain(duplicate.id);
    expect((await vote(employee, duplicate.id)).status).toBe(409);
  });

  it('reports ideas by status, conversion, time to decision and contributors', async () => {
    const res = await owner.client.call(api.campaignReport, { params: { id: campaignId } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.submitted).toBe(3);
    expect(res.body.shipped).toBe(1);
    expect(res.body.byStatus).toMatchObject({ new: 2, shipped: 1 });
    expect(res.body.conversion).toBeCloseTo(1 / 3);
    expect(res.body.medianHoursToDecision).not.toBeNull();
    expect(res.body.contributors).toContainEqual({ group: 'customer.example', external: true, count: 1 });
  });

  it('shows nothing of a private campaign to a member of another space, and refuses closed campaigns', async () => {
    const created = await owner.client.call(api.createCampaign, {
      body: { spaceId: privateSpace.id, title: 'Internal only', ...window() },
    });
    const id = created.body.id;
    for (const who of [outsider, guest]) {
      expect(
        (await who.client.call(api.getCampaignBoard, { params: { id }, query: {} as never })).status,
      ).toBe(404);
      expect((await who.client.call(api.submitIdea, { params: { id }, body: { title: 'x' } })).status).toBe(
        404,
      );
      expect(
        (await who.client.call(api.listCampaigns, {})).body.items.map((c: { id: string }) => c.id),
      ).not.toContain(id);
    }
    const idea = (
      await employee.client.call(api.submitIdea, { params: { id }, body: { title: 'Secret plan' } })
    ).body.idea;
    expect((await outsider.client.call(api.getIdea, { params: { id: idea.id } })).status).toBe(404);
    expect(
      (await outsider.client.call(api.voteIdea, { params: { id: idea.id }, body: { voted: true } })).status,
    ).toBe(404);
    expect((await admin.client.call(api.getIdea, { params: { id: idea.id } })).status).toBe(404);
    const past = new Date(t.server.clock.now().getTime() - 2 * hour);
    const closed = await owner.client.call(api.createCampaign, {
      body: {
        spaceId: privateSpace.id,
        title: 'Closed',
        opensAt: past.toISOString(),
        closesAt: new Date(past.getTime() + hour).toISOString(),
      },
    });
    const late = await employee.client.call(api.submitIdea, {
      params: { id: closed.body.id },
      body: { title: 'Too late' },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('campaign_closed');
  });

  it('hides an idea’s status notification from someone who can no longer read its space', async () => {
    const leaver = await person(t.server);
    await addMember(t.server, external.id, leaver);
    const idea = (await submit(employee, 'Shared parking calendar')).body.idea;
    expect((await vote(leaver, idea.id)).status).toBe(200);
    expect((await move(moderator, idea.id, 'planned')).status).toBe(200);
    const kinds = async () =>
      (await leaver.client.call(api.listNotifications, { query: {} as never })).body.items.map(
        (n: { kind: string }) => n.kind,
      );
    expect(await kinds()).toContain('idea_status');
    await removeMember(t.server, external.id, leaver);
    expect(await kinds()).not.toContain('idea_status');
  });

  it('attaches files to an idea, served to readers of the space (guests included) and to nobody else', async () => {
    const plan = await upload(employee.client, 'plan.pdf', Buffer.from('%PDF-1.7\nplan'));
    expect(plan.status).toBe(201);
    const idea = await employee.client.call(api.submitIdea, {
      params: { id: campaignId },
      body: { title: 'Customer portal with invoices', attachmentIds: [plan.body.id] },
    });
    expect(idea.status, idea.text).toBe(201);
    expect(idea.body.attachments).toEqual([plan.body]);
    const url = plan.body.url as string;
    const guestSees = await guest.client.call(api.getIdea, { params: { id: idea.body.idea.id } });
    expect(guestSees.body.attachments.map((a: { id: string }) => a.id)).toEqual([plan.body.id]);
    const byGuest = await guest.client.request('GET', url);
    expect(byGuest.status).toBe(200);
    expect(byGuest.text).toContain('plan');
    expect(byGuest.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await outsider.client.request('GET', url)).status).toBe(404);
    expect((await admin.client.request('GET', url)).status).toBe(404);
    // Taken by the idea: neither another idea nor a post can take it again, nor someone else's upload.
    const again = await employee.client.call(api.submitIdea, {
      params: { id: campaignId },
      body: { title: 'Again', attachmentIds: [plan.body.id] },
    });
    expect(again.status).toBe(400);
    const asPost = await employee.client.call(api.createPost, {
      body: { spaceId: external.id, body: 'Plan', attachmentIds: [plan.body.id] },
    });
    expect(asPost.status).toBe(400);
    const mine = await upload(colleague.client, 'notes.txt', Buffer.from('notes'));
    const stolen = await guest.client.call(api.submitIdea, {
      params: { id: campaignId },
      body: { title: 'Not mine', attachmentIds: [mine.body.id] },
    });
    expect(stolen.status).toBe(400);
    expect(
      await t.server.ctx.db.selectFrom('ideas').select('id').where('title', '=', 'Not mine').execute(),
    ).toEqual([]);
    // A member who leaves the space loses the file with the idea.
    const leaver = await person(t.server);
    await addMember(t.server, external.id, leaver);
    expect((await leaver.client.request('GET', url)).status).toBe(200);
    await removeMember(t.server, external.id, leaver);
    expect((await leaver.client.request('GET', url)).status).toBe(404);
  });

  it('lets the space’s owners edit and close a campaign, audited; closed, it takes no ideas', async () => {
    const created = await owner.client.call(api.createCampaign, {
      body: { spaceId: external.id, title: 'Packaging', criteria: ['Impact'], ...window() },
    });
    const id = created.body.id;
    expect(created.body.canManage).toBe(true);
    for (const who of [moderator, employee, guest]) {
      expect(
        (await who.client.call(api.updateCampaign, { params: { id }, body: { title: 'x' } })).status,
      ).toBe(403);
      expect((await who.client.call(api.closeCampaign, { params: { id } })).status).toBe(403);
    }
    expect((await outsider.client.call(api.closeCampaign, { params: { id } })).status).toBe(404);
    const past = new Date(t.server.clock.now().getTime() - 48 * hour).toISOString();
    const bad = await owner.client.call(api.updateCampaign, { params: { id }, body: { closesAt: past } });
    expect(bad.status).toBe(400);
    const edited = await owner.client.call(api.updateCampaign, {
      params: { id },
      body: { title: 'Greener packaging', criteria: ['Impact', 'Cost'] },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({
      title: 'Greener packaging',
      criteria: ['Impact', 'Cost'],
      open: true,
    });
    const closed = await owner.client.call(api.closeCampaign, { params: { id } });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body.open).toBe(false);
    expect(closed.body.closedAt).not.toBeNull();
    const late = await guest.client.call(api.submitIdea, { params: { id }, body: { title: 'Late idea' } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('campaign_closed');
    expect((await owner.client.call(api.closeCampaign, { params: { id } })).status).toBe(409);
    const audit = await t.server.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'idea_campaign.created',
      'idea_campaign.updated',
      'idea_campaign.closed',
    ]);
    expect(JSON.stringify(audit)).not.toContain('Greener');
  });

  it('finds ideas in search and among similar ideas without accents, where their space is readable; merged duplicates drop out', async () => {
    const found = await submit(employee, 'Réduire l’éclairage des entrepôts', 'Détecteurs de présence');
    const dup = await submit(colleague, 'Eclairage des entrepots la nuit');
    await moderator.client.call(api.mergeIdea, {
      params: { id: dup.body.idea.id },
      body: { intoId: found.body.idea.id },
    });
    const search = async (who: Person, q: string) => {
      const res = await who.client.call(api.search, { query: { q } });
      expect(res.status, res.text).toBe(200);
      return res.body.items
        .filter((r: { kind: string }) => r.kind === 'idea')
        .map((r: { id: string }) => r.id);
    };
    expect(await search(guest, 'eclairage entrepots')).toEqual([found.body.idea.id]);
    expect(await search(employee, 'détecteurs')).toEqual([found.body.idea.id]);
    expect(await search(outsider, 'eclairage entrepots')).toEqual([]);
    expect(await search(admin, 'eclairage entrepots')).toEqual([]);
    const similar = await guest.client.call(api.similarIdeas, {
      params: { id: campaignId },
      query: { q: 'ECLAIRAGE des bureaux' },
    });
    expect(similar.body.items.map((i: { id: string }) => i.id)).toEqual([found.body.idea.id]);
  });
});
