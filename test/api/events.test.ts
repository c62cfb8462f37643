// Events: created by a space's members, answered yes / maybe / no with counts, downloaded as
// .ics, gathered in a private calendar feed, reminded an hour before, cancelled with
// notice — and seen exactly where their space is readable.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import type { Event } from '../../common/schemas/events.ts';
import type { TestClient } from '../helpers/client.ts';
import { drainJobs, setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, notificationsOf, type Person, person, removeMember } from '../helpers/stream-fixtures.ts';

const HOUR = 3_600_000;

describe('events', () => {
  // The worker runs here: reminders are jobs.
  const t = useServer();
  let organiser: Person;
  let member: Person;
  let colleague: Person;
  let guest: Person;
  let open: { id: string; slug: string };
  let closed: { id: string; slug: string };

  const at = (hoursFromNow: number) =>
    new Date(t.server.clock.now().getTime() + hoursFromNow * HOUR).toISOString();
  async function create(client: TestClient, space: string, body: Record<string, unknown> = {}) {
    const res = await client.call(api.createEvent, {
      params: { space },
      body: {
        title: 'Atelier photométrie',
        startsAt: at(48),
        endsAt: at(50),
        timeZone: 'Europe/Paris',
        location: 'Lyon, salle Lumière',
        ...body,
      },
    });
    expect(res.status, res.text).toBe(201);
    return res.body as Event;
  }

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    organiser = await person(t.server);
    member = await person(t.server);
    colleague = await person(t.server);
    guest = await person(t.server, { role: 'guest' });
    open = await makeSpace(t.server, { visibility: 'open', owner: organiser, members: [member] });
    closed = await makeSpace(t.server, { visibility: 'private', owner: organiser, members: [member, guest] });
  });

  const base = (): Record<string, unknown> => ({
    title: 'x',
    startsAt: at(1),
    endsAt: at(2),
    timeZone: 'UTC',
  });

  it('is created by members, with clear errors for bad input', async () => {
    const event = await create(organiser.client, open.slug, { onlineUrl: 'https://visio.example/atelier' });
    expect(event).toMatchObject({
      title: 'Atelier photométrie',
      timeZone: 'Europe/Paris',
      location: 'Lyon, salle Lumière',
      onlineUrl: 'https://visio.example/atelier',
      counts: { yes: 0, maybe: 0, no: 0 },
      myAnswer: null,
      cancelled: false,
      can: { edit: true, answer: true },
    });
    const notMember = await colleague.client.call(api.createEvent, {
      params: { space: open.slug },
      body: { title: 'x', startsAt: at(1), endsAt: at(2), timeZone: 'UTC' },
    });
    expect(notMember.status).toBe(403);
    const hidden = await colleague.client.call(api.createEvent, {
      params: { space: closed.slug },
      body: { title: 'x', startsAt: at(1), endsAt: at(2), timeZone: 'UTC' },
    });
    expect(hidden.status).toBe(403);
    for (const [body, field] of [
      [{ startsAt: at(3), endsAt: at(2) }, 'endsAt'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
      [{ title: '' }, 'title'],
    ] as const) {
      const res = await organiser.client.call(api.createEvent, {
        params: { space: open.slug },
        body: { ...base(), ...body },
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.issues[0].field).toBe(field);
    }
  });

  it('counts answers, lets people change them, and lists who answered what', async () => {
    const event = await create(organiser.client, open.slug);
    const yes = await member.client.call(api.answerEvent, {
      params: { id: event.id },
      body: { answer: 'yes' },
    });
    expect(yes.body).toMatchObject({ counts: { yes: 1, maybe: 0, no: 0 }, myAnswer: 'yes' });
    // A colleague reads an open space, so they may answer too.
    await colleague.client.call(api.answerEvent, { params: { id: event.id }, body: { answer: 'maybe' } });
    const changed = await member.client.call(api.answerEvent, {
      params: { id: event.id },
      body: { answer: 'no' },
    });
    expect(changed.body.counts).toEqual({ yes: 0, maybe: 1, no: 1 });
    const who = await organiser.client.call(api.eventAttendees, { params: { id: event.id } });
    expect(who.body.maybe.map((p: { id: string }) => p.id)).toEqual([colleague.id]);
    expect(who.body.no.map((p: { id: string }) => p.id)).toEqual([member.id]);
    expect(
      (await member.client.call(api.answerEvent, { params: { id: event.id }, body: { answer: 'perhaps' } }))
        .status,
    ).toBe(400);
  });

  it('is downloaded as an iCalendar file by those who may read it', async () => {
    const event = await create(organiser.client, closed.slug, { title: 'Revue, confidentielle' });
    const res = await member.client.get(`/api/v1/events/${event.id}/ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expect(res.text).toContain('BEGIN:VEVENT');
    expect(res.text).toContain('SUMMARY:Revue\\, confidentielle');
    expect(res.text).toContain(`DTSTART:${event.startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
    expect(res.text).toContain('\r\n');
    expect((await colleague.client.get(`/api/v1/events/${event.id}/ics`)).status).toBe(404);
    expect((await colleague.client.call(api.getEvent, { params: { id: event.id } })).status).toBe(404);
  });

  it('lists upcoming events of readable spaces only, and past ones apart', async () => {
    const secretEvent = await create(organiser.client, closed.slug, { title: 'Comité interne' });
    const soon = await create(organiser.client, open.slug, {
      title: 'Visite usine',
      startsAt: at(1),
      endsAt: at(2),
    });
    const past = await create(organiser.client, open.slug, {
      title: 'Bilan',
      startsAt: at(-5),
      endsAt: at(-4),
    });
    const titles = async (who: Person, when: 'upcoming' | 'past') =>
      (await who.client.call(api.listEvents, { query: { when } })).body.items.map((e: Event) => e.title);
    expect(await titles(colleague, 'upcoming')).toContain(soon.title);
    expect(await titles(colleague, 'upcoming')).not.toContain(secretEvent.title);
    expect(await titles(colleague, 'past')).toEqual([past.title]);
    expect(await titles(member, 'upcoming')).toContain(secretEvent.title);
    // A guest sees their own space's events, nothing of the open space.
    const guestSees = await titles(guest, 'upcoming');
    expect(guestSees).toContain(secretEvent.title);
    expect(guestSees).not.toContain(soon.title);
    const found = await colleague.client.call(api.search, { query: { q: 'comite interne' } });
    expect(found.text).not.toContain('Comité interne');
    const memberFinds = await member.client.call(api.search, {
      query: { q: 'comite interne', type: 'event' },
    });
    expect(memberFinds.body.items.map((r: { id: string }) => r.id)).toEqual([secretEvent.id]);
  });

  it('gathers a person’s events in a private feed that a new address replaces', async () => {
    const mine = await create(organiser.client, closed.slug, { title: 'Point mensuel' });
    const declined = await create(organiser.client, closed.slug, { title: 'Séminaire décliné' });
    await member.client.call(api.answerEvent, { params: { id: declined.id }, body: { answer: 'no' } });
    const made = await member.client.call(api.createCalendarFeed);
    expect(made.status).toBe(200);
    const path = new URL(made.body.url).pathname;
    const anonymous = t.server.client();
    const feed = await anonymous.get(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(feed.text).toContain(`UID:${mine.id}@`);
    expect(feed.text).not.toContain(declined.id);
    const again = await member.client.call(api.createCalendarFeed);
    expect((await anonymous.get(path)).status).toBe(404);
    expect((await anonymous.get(new URL(again.body.url).pathname)).status).toBe(200);
    expect((await member.client.call(api.deleteCalendarFeed)).status).toBe(204);
    expect((await anonymous.get(new URL(again.body.url).pathname)).status).toBe(404);
    expect((await anonymous.get('/api/v1/calendar/not-a-real-token-at-all-0123')).status).toBe(404);
  });

  it('reminds those coming an hour before, once, and tells them of a cancellation', async () => {
    const event = await create(organiser.client, open.slug, {
      title: 'Démo Aurore',
      startsAt: at(3),
      endsAt: at(4),
    });
    await member.client.call(api.answerEvent, { params: { id: event.id }, body: { answer: 'yes' } });
    await colleague.client.call(api.answerEvent, { params: { id: event.id }, body: { answer: 'no' } });
    // Moved an hour later: the reminder follows (the one for the old time does nothing).
    await organiser.client.call(api.updateEvent, {
      params: { id: event.id },
      body: { startsAt: at(4), endsAt: at(5) },
    });
    t.server.clock.advance(2.5 * HOUR);
    await drainJobs(t.server);
    const reminded = async (who: Person) =>
      (await notificationsOf(t.server, who.id)).filter((n) => n.kind === 'event_reminder').length;
    expect(await reminded(member)).toBe(0);
    t.server.clock.advance(HOUR);
    await drainJobs(t.server);
    expect(await reminded(member)).toBe(1);
    expect(await reminded(colleague)).toBe(0);
    const listed = await member.client.call(api.listNotifications, { query: {} });
    expect(listed.body.items[0]).toMatchObject({
      kind: 'event_reminder',
      event: { id: event.id, title: 'Démo Aurore' },
    });

    expect((await member.client.call(api.cancelEvent, { params: { id: event.id } })).status).toBe(403);
    const cancelled = await organiser.client.call(api.cancelEvent, { params: { id: event.id } });
    expect(cancelled.body).toMatchObject({ cancelled: true, can: { answer: false } });
    expect((await notificationsOf(t.server, member.id)).map((n) => n.kind)).toContain('event_cancelled');
    expect(
      (await member.client.call(api.answerEvent, { params: { id: event.id }, body: { answer: 'no' } }))
        .status,
    ).toBe(403);
  });

  it('stops showing a space’s events and their notifications to someone who left it', async () => {
    const leaver = await person(t.server);
    const space = await makeSpace(t.server, { visibility: 'private', owner: organiser, members: [leaver] });
    const event = await create(organiser.client, space.slug, {
      title: 'Réunion privée',
      startsAt: at(2),
      endsAt: at(3),
    });
    await leaver.client.call(api.answerEvent, { params: { id: event.id }, body: { answer: 'yes' } });
    t.server.clock.advance(1.5 * HOUR);
    await drainJobs(t.server);
    expect((await leaver.client.call(api.listNotifications, { query: {} })).body.items).toHaveLength(1);
    await removeMember(t.server, space.id, leaver);
    expect((await leaver.client.call(api.getEvent, { params: { id: event.id } })).status).toBe(404);
    const after = await leaver.client.call(api.listNotifications, { query: {} });
    expect(after.body.items).toEqual([]);
    expect(after.text).not.toContain('Réunion privée');
  });
});
