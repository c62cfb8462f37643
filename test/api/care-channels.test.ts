// Customer-care administration through the API: administrators create, change, switch off,
// test and delete channels (settings checked by the kind's driver, a kind with no driver
// refused with 422 — every kind has one today), rotate a connector's secret, manage teams, SLA targets and the agent
// grant; every change is audited; members, guests and agents who are not administrators
// are refused and see nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { type Person, person } from '../helpers/stream-fixtures.ts';
import { sendWidgetMessage } from '../helpers/widget-host.ts';

const widgetSettings = {
  allowedOrigins: ['https://www.lumen.example'],
  greetingFr: 'Bonjour !',
  greetingEn: 'Hello!',
  requireEmail: true,
};

describe('care administration', () => {
  const t = useServer({ worker: false });
  let admin: Person;
  let member: Person;
  let guest: Person;
  let agent: Person;

  const audits = (action: string) =>
    t.server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

  beforeAll(async () => {
    const org = await setUpOrganisation(t.server);
    admin = { ...org.admin, client: org.client, handle: '' };
    member = await person(t.server);
    guest = await person(t.server, { role: 'guest' });
    agent = await person(t.server);
  });

  it('creates a widget channel: settings checked, public key made, audited', async () => {
    const bad = await admin.client.call(api.createCareChannel, {
      body: { kind: 'widget', name: 'Site', settings: { allowedOrigins: ['https://x.example/path'] } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.details.issues[0].field).toBe('settings.allowedOrigins.0');
    const empty = await admin.client.call(api.createCareChannel, {
      body: { kind: 'widget', name: '   ', settings: widgetSettings },
    });
    expect(empty.status).toBe(400);
    expect(await t.server.ctx.db.selectFrom('care_channels').select('id').execute()).toEqual([]);

    const res = await admin.client.call(api.createCareChannel, {
      body: { kind: 'widget', name: 'Site web', settings: widgetSettings },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'widget',
      name: 'Site web',
      enabled: true,
      settings: widgetSettings,
      webhookUrl: null,
      hasSecret: false,
      secret: null,
      conversationCount: 0,
    });
    expect(res.body.publicKey).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    const [entry] = await audits('care_channel.created');
    expect(entry).toMatchObject({ actor_id: admin.id, target_id: res.body.id, target_type: 'care_channel' });
    // The widget's private signing key is never presented.
    const read = await admin.client.call(api.getCareChannel, { params: { id: res.body.id } });
    expect(JSON.stringify(read.body)).not.toContain(
      (
        await t.server.ctx.db
          .selectFrom('care_channels')
          .select('secret')
          .where('id', '=', res.body.id)
          .executeTakeFirstOrThrow()
      ).secret,
    );
  });

  it('answers a clear 400 naming the field for wrong settings of every kind, and writes nothing', async () => {
    for (const [kind, field] of [
      ['email', 'settings.addresses'],
      ['feed', 'settings.url'],
      ['connector', 'settings.connector'],
    ] as const) {
      const res = await admin.client.call(api.createCareChannel, {
        body: { kind, name: kind, settings: {} },
      });
      expect([kind, res.status, res.body.error.code]).toEqual([kind, 400, 'validation_failed']);
      expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
    expect(
      await t.server.ctx.db.selectFrom('care_channels').select('id').where('kind', '!=', 'widget').execute(),
    ).toEqual([]);
  });

  it('changes, switches off and on, tests and deletes a channel, each audited', async () => {
    const created = await admin.client.call(api.createCareChannel, {
      body: { kind: 'widget', name: 'Boutique', settings: widgetSettings },
    });
    const id = created.body.id;
    const changed = await admin.client.call(api.updateCareChannel, {
      params: { id },
      body: {
        name: 'Boutique en ligne',
        settings: { ...widgetSettings, allowedOrigins: ['https://shop.example', 'http://localhost:8080'] },
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.settings.allowedOrigins).toEqual(['https://shop.example', 'http://localhost:8080']);
    expect((await audits('care_channel.updated')).at(-1)).toMatchObject({ target_id: id });

    const wrong = await admin.client.call(api.updateCareChannel, {
      params: { id },
      body: { name: 'Autre', settings: { allowedOrigins: [] } },
    });
    expect(wrong.status).toBe(400);
    expect((await admin.client.call(api.getCareChannel, { params: { id } })).body.name).toBe(
      'Boutique en ligne',
    );

    const off = await admin.client.call(api.updateCareChannel, { params: { id }, body: { enabled: false } });
    expect(off.body.enabled).toBe(false);
    expect((await audits('care_channel.disabled')).map((a) => a.target_id)).toContain(id);
    const test = await admin.client.call(api.testCareChannel, { params: { id } });
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ ok: true, code: 'disabled' });
    await admin.client.call(api.updateCareChannel, { params: { id }, body: { enabled: true } });
    expect((await audits('care_channel.enabled')).map((a) => a.target_id)).toContain(id);
    const again = await admin.client.call(api.testCareChannel, { params: { id } });
    expect(again.body).toMatchObject({ ok: true, code: 'ok' });
    expect((await audits('care_channel.tested')).length).toBe(2);

    const removed = await admin.client.call(api.deleteCareChannel, { params: { id } });
    expect(removed.status).toBe(204);
    expect((await audits('care_channel.deleted')).map((a) => a.target_id)).toEqual([id]);
    expect((await admin.client.call(api.getCareChannel, { params: { id } })).status).toBe(404);
  });

  it('refuses to delete a channel with conversations: it can be switched off instead', async () => {
    const created = await admin.client.call(api.createCareChannel, {
      body: { kind: 'widget', name: 'Aide', settings: widgetSettings },
    });
    const sent = await sendWidgetMessage(t.server, {
      publicKey: created.body.publicKey,
      origin: 'https://www.lumen.example',
      message: 'Bonjour',
      email: 'visiteur@example.org',
    });
    expect(sent.status).toBe(201);
    const res = await admin.client.call(api.deleteCareChannel, { params: { id: created.body.id } });
    expect([res.status, res.body.error.code]).toEqual([409, 'care_channel_in_use']);
    const list = await admin.client.call(api.listCareChannels);
    expect(list.body.items.find((c: { id: string }) => c.id === created.body.id)).toMatchObject({
      conversationCount: 1,
    });
  });

  it('teams: created with agents as members, renamed, members set, deleted; audited', async () => {
    const nonAgent = await admin.client.call(api.createCareTeam, {
      body: { name: 'Niveau 1', memberIds: [member.id] },
    });
    expect([nonAgent.status, nonAgent.body.error.details.issues[0].field]).toEqual([400, 'memberIds']);
    expect(
      (await admin.client.call(api.setCareAgent, { params: { id: agent.id }, body: { agent: true } })).status,
    ).toBe(200);
    const team = await admin.client.call(api.createCareTeam, {
      body: { name: 'Niveau 1', memberIds: [agent.id, admin.id] },
    });
    expect(team.status).toBe(201);
    expect(team.body.members.map((m: { id: string }) => m.id).sort()).toEqual([agent.id, admin.id].sort());
    const duplicate = await admin.client.call(api.createCareTeam, { body: { name: 'niveau 1' } });
    expect(duplicate.status).toBe(409);
    const renamed = await admin.client.call(api.updateCareTeam, {
      params: { id: team.body.id },
      body: { name: 'Premier niveau', memberIds: [agent.id] },
    });
    expect(renamed.body).toMatchObject({ name: 'Premier niveau', members: [{ id: agent.id }] });
    // Agents read teams (to assign conversations); only administrators change them.
    expect((await agent.client.call(api.listCareTeams)).body.items).toHaveLength(1);
    expect((await agent.client.call(api.createCareTeam, { body: { name: 'X' } })).status).toBe(403);
    expect((await admin.client.call(api.deleteCareTeam, { params: { id: team.body.id } })).status).toBe(204);
    for (const action of ['care_team.created', 'care_team.updated', 'care_team.deleted'])
      expect((await audits(action)).length, action).toBe(1);
  });

  it('SLA targets: organisation-wide and per channel, set again in place, removed; audited', async () => {
    const channel = await admin.client.call(api.createCareChannel, {
      body: { kind: 'widget', name: 'SLA', settings: widgetSettings },
    });
    const wide = await admin.client.call(api.setCareSlaTarget, {
      body: { channelId: null, priority: 'normal', firstResponseMinutes: 60, resolutionMinutes: 480 },
    });
    expect(wide.body).toMatchObject({ channelId: null, warnMinutes: 15 });
    const own = await admin.client.call(api.setCareSlaTarget, {
      body: {
        channelId: channel.body.id,
        priority: 'urgent',
        firstResponseMinutes: 15,
        resolutionMinutes: 120,
        warnMinutes: 5,
      },
    });
    const again = await admin.client.call(api.setCareSlaTarget, {
      body: { channelId: null, priority: 'normal', firstResponseMinutes: 30, resolutionMinutes: 240 },
    });
    expect(again.body.id).toBe(wide.body.id);
    const backwards = await admin.client.call(api.setCareSlaTarget, {
      body: { channelId: null, priority: 'low', firstResponseMinutes: 600, resolutionMinutes: 60 },
    });
    expect([backwards.status, backwards.body.error.details.issues[0].field]).toEqual([
      400,
      'resolutionMinutes',
    ]);
    const list = await admin.client.call(api.listCareSlaTargets);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items[0]).toMatchObject({ channelId: null, firstResponseMinutes: 30 });
    expect((await admin.client.call(api.deleteCareSlaTarget, { params: { id: own.body.id } })).status).toBe(
      204,
    );
    expect((await audits('care_sla.changed')).length).toBe(3);
    expect((await audits('care_sla.removed')).length).toBe(1);
  });

  it('the agent grant: given to a colleague, refused to a guest, withdrawn; audited', async () => {
    const toGuest = await admin.client.call(api.setCareAgent, {
      params: { id: guest.id },
      body: { agent: true },
    });
    expect([toGuest.status, toGuest.body.error.code]).toEqual([409, 'care_not_agent']);
    const list = await admin.client.call(api.listCareAgentGrants);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([agent.id]);
    const other = await person(t.server);
    await admin.client.call(api.setCareAgent, { params: { id: other.id }, body: { agent: true } });
    const withdrawn = await admin.client.call(api.setCareAgent, {
      params: { id: other.id },
      body: { agent: false },
    });
    expect(withdrawn.body).toMatchObject({ id: other.id, agent: false });
    const entries = (await audits('user.care_agent_changed')).filter((a) => a.target_id === other.id);
    expect(entries.map((e) => e.after)).toEqual([{ careAgent: true }, { careAgent: false }]);
  });

  it('refuses members, guests and agents who are not administrators, on every administration route', async () => {
    const { body: channel } = await admin.client.call(api.createCareChannel, {
      body: { kind: 'widget', name: 'Interdit', settings: widgetSettings },
    });
    const id = channel.id;
    const calls = [
      [api.listCareChannels, {}],
      [api.getCareChannel, { params: { id } }],
      [api.createCareChannel, { body: { kind: 'widget', name: 'X', settings: widgetSettings } }],
      [api.updateCareChannel, { params: { id }, body: { name: 'Pris' } }],
      [api.deleteCareChannel, { params: { id } }],
      [api.rotateCareChannelSecret, { params: { id } }],
      [api.testCareChannel, { params: { id } }],
      [api.createCareTeam, { body: { name: 'Pirates' } }],
      [api.listCareSlaTargets, {}],
      [
        api.setCareSlaTarget,
        { body: { channelId: null, priority: 'high', firstResponseMinutes: 1, resolutionMinutes: 2 } },
      ],
      [api.listCareAgentGrants, {}],
      [api.setCareAgent, { params: { id: member.id }, body: { agent: true } }],
    ] as const;
    for (const who of [member, guest, agent])
      for (const [endpoint, input] of calls) {
        const res = await who.client.call(endpoint, input as never);
        expect([who.name, endpoint.operationId, res.status]).toEqual([who.name, endpoint.operationId, 403]);
      }
    for (const who of [member, guest]) expect((await who.client.call(api.listCareTeams)).status).toBe(403);
    expect((await t.server.client().call(api.listCareChannels)).status).toBe(401);
    const row = await t.server.ctx.db
      .selectFrom('care_channels')
      .select(['name', 'enabled'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Interdit', enabled: true });
    expect(
      await t.server.ctx.db
        .selectFrom('users')
        .select('id')
        .where('id', '=', member.id)
        .where('care_agent', '=', true)
        .execute(),
    ).toEqual([]);
  });

  it('a connector’s secret is shown once, at creation and rotation', async () => {
    const res = await admin.client.call(api.createCareChannel, {
      body: {
        kind: 'connector',
        name: 'Forum',
        settings: { connector: 'community-forum', replyUrl: 'https://forum.example/api/replies' },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.secret).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(res.body.webhookUrl).toBe(`${t.server.url}/api/v1/care/connectors/${res.body.id}/messages`);
    const read = await admin.client.call(api.getCareChannel, { params: { id: res.body.id } });
    expect(read.body).toMatchObject({ hasSecret: true });
    expect(read.body.secret).toBeUndefined();
    const rotated = await admin.client.call(api.rotateCareChannelSecret, { params: { id: res.body.id } });
    expect(rotated.body.secret).not.toBe(res.body.secret);
    expect((await audits('care_channel.secret_rotated')).length).toBe(1);
  });
});
