// The WebSocket hub of one process. Each connection listens to the channels its person
// needs — their own (`user:<id>`), each space they belong to, and profile posts for
// colleagues — and this process subscribes to each channel on the bus once, however many
// of its connections listen. Every event is checked against the visibility rule for each
// connection before it is sent, and serialised once per event, not once per connection.
import type { WebSocket } from 'ws';
import type { LiveMessage } from '../../../common/live.ts';
import type { AppContext } from '../../context.ts';
import type { SpaceRole, SpaceVisibility } from '../../db/schema.ts';
import { unreadCount } from '../../modules/notifications/queries.ts';
import { canReadPost, type Viewer } from '../../modules/spaces/visibility.ts';
import { type LiveEvent, PROFILES_CHANNEL } from './events.ts';

interface Connection {
  ws: WebSocket;
  viewer: Viewer;
  sessionId: string;
  /** The spaces this person belongs to, with what the visibility rule needs. */
  spaces: Map<string, { role: SpaceRole; visibility: SpaceVisibility }>;
  channels: Set<string>;
  alive: boolean;
}

interface Channel {
  connections: Set<Connection>;
  ready: Promise<() => Promise<void>>;
}

/** A connection that cannot keep up (its unsent data past this) is dropped; it catches up on reconnect. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const HEARTBEAT_MS = 30_000;
/** Sessions can also end without an event (expiry): every connection's session is re-checked this often. */
const SESSION_CHECK_MS = 30_000;

export const CLOSE_SESSION_ENDED = 4401;

export class LiveHub {
  readonly #channels = new Map<string, Channel>();
  readonly #connections = new Set<Connection>();
  readonly #timers: NodeJS.Timeout[] = [];

  constructor(private readonly ctx: AppContext) {
    this.#timers.push(setInterval(() => this.#heartbeat(), HEARTBEAT_MS).unref());
    this.#timers.push(setInterval(() => void this.#checkSessions(), SESSION_CHECK_MS).unref());
  }

  get size(): number {
    return this.#connections.size;
  }

  async connect(ws: WebSocket, viewer: Viewer, sessionId: string): Promise<void> {
    const conn: Connection = { ws, viewer, sessionId, spaces: new Map(), channels: new Set(), alive: true };
    this.#connections.add(conn);
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('close', () => void this.#disconnect(conn));
    ws.on('error', () => ws.terminate());
    // Clients only listen; anything they send is ignored.
    await this.#listen(conn, `user:${viewer.id}`);
    if (viewer.role !== 'guest') await this.#listen(conn, PROFILES_CHANNEL);
    await this.#refreshSpaces(conn);
    if (ws.readyState === ws.OPEN) this.#send(conn, JSON.stringify({ type: 'ready' } satisfies LiveMessage));
  }

  async close(): Promise<void> {
    for (const timer of this.#timers) clearInterval(timer);
    for (const conn of this.#connections) conn.ws.close(1001, 'Server shutting down');
    const unsubscribes = [...this.#channels.values()].map((c) => c.ready);
    this.#channels.clear();
    for (const ready of unsubscribes) await (await ready)();
  }

  async #listen(conn: Connection, name: string): Promise<void> {
    if (conn.channels.has(name)) return;
    conn.channels.add(name);
    let channel = this.#channels.get(name);
    if (!channel) {
      channel = {
        connections: new Set(),
        ready: this.ctx.bus.subscribe(name, (event) => this.#dispatch(name, event)),
      };
      this.#channels.set(name, channel);
    }
    channel.connections.add(conn);
    await channel.ready;
  }

  async #unlisten(conn: Connection, name: string): Promise<void> {
    if (!conn.channels.delete(name)) return;
    const channel = this.#channels.get(name);
    if (!channel) return;
    channel.connections.delete(conn);
    if (channel.connections.size === 0) {
      this.#channels.delete(name);
      await (await channel.ready)();
    }
  }

  async #disconnect(conn: Connection): Promise<void> {
    if (!this.#connections.delete(conn)) return;
    for (const name of [...conn.channels]) await this.#unlisten(conn, name);
  }

  /** (Re)reads the person's spaces and listens to exactly those. */
  async #refreshSpaces(conn: Connection): Promise<void> {
    const rows = await this.ctx.db
      .selectFrom('space_members')
      .innerJoin('spaces', 'spaces.id', 'space_members.space_id')
      .select(['spaces.id', 'spaces.visibility', 'space_members.role'])
      .where('space_members.user_id', '=', conn.viewer.id)
      .execute();
    conn.spaces = new Map(rows.map((r) => [r.id, { role: r.role, visibility: r.visibility }]));
    for (const name of [...conn.channels]) {
      if (name.startsWith('space:') && !conn.spaces.has(name.slice('space:'.length)))
        await this.#unlisten(conn, name);
    }
    for (const id of conn.spaces.keys()) await this.#listen(conn, `space:${id}`);
  }

  #send(conn: Connection, data: string | Buffer): void {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    if (conn.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      conn.ws.terminate();
      return;
    }
    conn.ws.send(data, { binary: false });
  }

  /** The visibility rule, for one event and one connection. */
  #mayKnow(conn: Connection, event: LiveEvent): boolean {
    if (!('postId' in event)) return true;
    const membership = event.spaceId ? (conn.spaces.get(event.spaceId) ?? null) : null;
    return canReadPost(
      conn.viewer,
      {
        author_id: 'authorId' in event ? event.authorId : '',
        space_id: event.spaceId,
        deleted_at: null,
        held: null,
      },
      membership ? { visibility: membership.visibility } : null,
      membership?.role ?? null,
    );
  }

  #dispatch(name: string, event: LiveEvent): void {
    const channel = this.#channels.get(name);
    if (!channel) return;
    switch (event.type) {
      case 'membership.changed':
        // Forget the space at once, before re-reading memberships: a person just removed
        // must not receive even one more of its events.
        for (const conn of channel.connections) conn.spaces.delete(event.spaceId);
        for (const conn of channel.connections) void this.#personal(conn, event);
        return;
      case 'sessions.ended':
      case 'notification.created':
        for (const conn of channel.connections) void this.#personal(conn, event);
        return;
      default: {
        // Encoded once: a string would be turned into bytes again for every connection.
        const data = Buffer.from(JSON.stringify(toMessage(event)));
        for (const conn of channel.connections) if (this.#mayKnow(conn, event)) this.#send(conn, data);
      }
    }
  }

  async #personal(conn: Connection, event: LiveEvent): Promise<void> {
    try {
      if (event.type === 'membership.changed') {
        await this.#refreshSpaces(conn);
        this.#send(
          conn,
          JSON.stringify({ type: 'membership', spaceId: event.spaceId } satisfies LiveMessage),
        );
      } else if (event.type === 'sessions.ended') {
        await this.#checkSessions([conn]);
      } else if (event.type === 'notification.created') {
        const count = await unreadCount(this.ctx.db, conn.viewer);
        this.#send(
          conn,
          JSON.stringify({
            type: 'notification',
            notificationId: event.notificationId,
            unreadCount: count,
          } satisfies LiveMessage),
        );
      }
    } catch (error) {
      this.ctx.logger.error({ err: error }, 'live event failed');
    }
  }

  /** Closes connections whose session no longer exists (signed out, deactivated, expired). */
  async #checkSessions(connections: Iterable<Connection> = this.#connections): Promise<void> {
    const list = [...connections];
    if (list.length === 0) return;
    try {
      const live = new Map<string, Viewer['role']>();
      for (let i = 0; i < list.length; i += 1000) {
        const ids = list.slice(i, i + 1000).map((c) => c.sessionId);
        const rows = await this.ctx.db
          .selectFrom('sessions')
          .innerJoin('users', 'users.id', 'sessions.user_id')
          .select(['sessions.id', 'users.role'])
          .where('sessions.id', 'in', ids)
          .where('users.status', '=', 'active')
          .where('sessions.expires_at', '>', this.ctx.clock.now())
          .execute();
        for (const r of rows) live.set(r.id, r.role);
      }
      for (const conn of list) {
        const role = live.get(conn.sessionId);
        if (!role) conn.ws.close(CLOSE_SESSION_ENDED, 'Session ended');
        else if (role !== conn.viewer.role) {
          // A changed role changes what the rule lets through, and whether profiles are heard.
          conn.viewer = { ...conn.viewer, role };
          if (role === 'guest') await this.#unlisten(conn, PROFILES_CHANNEL);
          else await this.#listen(conn, PROFILES_CHANNEL);
        }
      }
    } catch (error) {
      this.ctx.logger.error({ err: error }, 'live session check failed');
    }
  }

  #heartbeat(): void {
    for (const conn of this.#connections) {
      if (!conn.alive) {
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }
}

function toMessage(event: LiveEvent): LiveMessage {
  switch (event.type) {
    case 'post.created':
    case 'post.updated':
    case 'post.deleted':
      return {
        type: 'post',
        action: event.type.slice('post.'.length) as 'created' | 'updated' | 'deleted',
        postId: event.postId,
        spaceId: event.spaceId,
        authorId: event.authorId,
      };
    case 'comment.created':
    case 'comment.updated':
    case 'comment.deleted':
      return {
        type: 'comment',
        action: event.type.slice('comment.'.length) as 'created' | 'updated' | 'deleted',
        postId: event.postId,
        commentId: event.commentId,
      };
    case 'reactions.changed':
    case 'poll.changed':
    case 'acknowledgements.changed':
      return { type: 'post-counts', postId: event.postId };
    default:
      throw new Error(`No message for ${event.type}`);
  }
}
