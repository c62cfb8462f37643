// What a person's archive says about them: everything they wrote (with its revisions),
// everything they chose (reactions, votes, answers, bookmarks, follows) and everything stored
// about them (profile, account, sessions, notifications, invitations, audit records).
// Others appear only by name where that gives a line its sense (whom they follow, who
// endorsed them); others' writing never does, not even under their own posts.
// What they wrote is included wherever it lives, spaces they left included: it is theirs.

import type { Db } from '../../db/database.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export interface ArchiveFile {
  path: string;
  storageKey: string;
}

export async function collectArchive(db: Db, userId: string) {
  const user = await db
    .selectFrom('users as u')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .leftJoin('sites as s', 's.id', 'u.site_id')
    .leftJoin('users as m', 'm.id', 'u.manager_id')
    .select([
      'u.id',
      'u.email',
      'u.handle',
      'u.name',
      'u.role',
      'u.status',
      'u.locale',
      'u.job_title',
      'u.phone',
      'u.about',
      'u.languages',
      'u.created_at',
      'u.last_sign_in_at',
      'u.password_changed_at',
      'u.photo_key',
      'u.photo_type',
      'd.name as department',
      's.name as site',
      'm.name as manager',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();

  const [sessions, posts, revisions, attachments, comments, reactions, commentReactions] = await Promise.all([
    db
      .selectFrom('sessions')
      .select(['created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('posts as p')
      .leftJoin('spaces as s', 's.id', 'p.space_id')
      .select([
        'p.id',
        'p.title',
        'p.body',
        'p.link_url',
        'p.is_announcement',
        'p.shared_post_id',
        'p.created_at',
        'p.edited_at',
        'p.deleted_at',
        's.name as space',
      ])
      .where('p.author_id', '=', userId)
      .orderBy('p.id')
      .execute(),
    db
      .selectFrom('post_revisions as r')
      .innerJoin('posts as p', 'p.id', 'r.post_id')
      .select(['r.post_id', 'r.body', 'r.replaced_at'])
      .where('p.author_id', '=', userId)
      .orderBy('r.replaced_at')
      .execute(),
    db
      .selectFrom('attachments')
      .select(['id', 'post_id', 'file_name', 'content_type', 'size_bytes', 'storage_key', 'created_at'])
      .where('uploader_id', '=', userId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('comments')
      .select(['id', 'post_id', 'parent_id', 'body', 'created_at', 'edited_at', 'deleted_at'])
      .where('author_id', '=', userId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('reactions')
      .select(['post_id', 'kind', 'created_at'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('comment_reactions')
      .select(['comment_id', 'kind', 'created_at'])
      .where('user_id', '=', userId)
      .execute(),
  ]);

  const [pollVotes, answerVotes, acks, rsvps, bookmarks, following, followers, tagFollows] =
    await Promise.all([
      db
        .selectFrom('poll_votes as v')
        .innerJoin('poll_options as o', 'o.id', 'v.option_id')
        .select(['v.post_id', 'o.label as option', 'v.voted_at'])
        .where('v.user_id', '=', userId)
        .execute(),
      db
        .selectFrom('answer_votes')
        .select(['comment_id', 'created_at'])
        .where('user_id', '=', userId)
        .execute(),
      db
        .selectFrom('announcement_acks')
        .select(['post_id', 'acknowledged_at'])
        .where('user_id', '=', userId)
        .execute(),
      db
        .selectFrom('event_answers as a')
        .innerJoin('events as e', 'e.id', 'a.event_id')
        .select(['a.event_id', 'e.title as event', 'e.starts_at', 'a.answer', 'a.answered_at'])
        .where('a.user_id', '=', userId)
        .execute(),
      db.selectFrom('bookmarks').select(['post_id', 'created_at']).where('user_id', '=', userId).execute(),
      db
        .selectFrom('follows as f')
        .innerJoin('users as u', 'u.id', 'f.followee_id')
        .select(['u.name', 'f.created_at'])
        .where('f.follower_id', '=', userId)
        .execute(),
      db
        .selectFrom('follows as f')
        .innerJoin('users as u', 'u.id', 'f.follower_id')
        .select(['u.name', 'f.created_at'])
        .where('f.followee_id', '=', userId)
        .execute(),
      db.selectFrom('tag_follows').select(['tag', 'created_at']).where('user_id', '=', userId).execute(),
    ]);

  const [skills, endorsementsGiven, endorsementsReceived, notifications, mutes, invitations, memberships] =
    await Promise.all([
      db
        .selectFrom('user_skills')
        .select(['name', 'position', 'created_at'])
        .where('user_id', '=', userId)
        .orderBy('position')
        .execute(),
      db
        .selectFrom('skill_endorsements as e')
        .innerJoin('user_skills as s', (j) =>
          j.onRef('s.user_id', '=', 'e.user_id').onRef('s.key', '=', 'e.key'),
        )
        .innerJoin('users as u', 'u.id', 'e.user_id')
        .select(['u.name as person', 's.name as skill', 'e.created_at'])
        .where('e.endorser_id', '=', userId)
        .execute(),
      db
        .selectFrom('skill_endorsements as e')
        .innerJoin('user_skills as s', (j) =>
          j.onRef('s.user_id', '=', 'e.user_id').onRef('s.key', '=', 'e.key'),
        )
        .innerJoin('users as u', 'u.id', 'e.endorser_id')
        .select(['u.name as endorser', 's.name as skill', 'e.created_at'])
        .where('e.user_id', '=', userId)
        .execute(),
      // What they were told, not what others wrote: kind, when, who, and about which thing.
      db
        .selectFrom('notifications as n')
        .leftJoin('users as a', 'a.id', 'n.actor_id')
        .select(['n.kind', 'a.name as actor', 'n.post_id', 'n.comment_id', 'n.created_at', 'n.read_at'])
        .where('n.user_id', '=', userId)
        .orderBy('n.id')
        .execute(),
      db.selectFrom('notification_mutes').select('kind').where('user_id', '=', userId).execute(),
      db
        .selectFrom('invitations')
        .select(['email', 'role', 'message', 'created_at', 'accepted_at', 'revoked_at'])
        .where('invited_by', '=', userId)
        .orderBy('created_at')
        .execute(),
      db
        .selectFrom('space_members as m')
        .innerJoin('spaces as s', 's.id', 'm.space_id')
        .select(['s.name as space', 'm.role', 'm.joined_at'])
        .where('m.user_id', '=', userId)
        .execute(),
    ]);

  const [pagesCreated, pageRevisions, eventsCreated, calendarFeed, auditRecords] = await Promise.all([
    db
      .selectFrom('knowledge_pages as p')
      .innerJoin('spaces as s', 's.id', 'p.space_id')
      .select(['p.id', 'p.title', 's.name as space', 'p.created_at'])
      .where('p.created_by', '=', userId)
      .execute(),
    db
      .selectFrom('knowledge_revisions')
      .select(['page_id', 'number', 'title', 'body', 'created_at'])
      .where('edited_by', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('events')
      .select(['id', 'title', 'description', 'starts_at', 'ends_at', 'location', 'online_url', 'created_at'])
      .where('created_by', '=', userId)
      .execute(),
    db.selectFrom('calendar_feeds').select('created_at').where('user_id', '=', userId).executeTakeFirst(),
    db
      .selectFrom('audit_log')
      .select([
        'at',
        'action',
        'actor_label',
        'target_type',
        'target_label',
        'ip',
        'user_agent',
        'before',
        'after',
      ])
      .where((eb) =>
        eb.or([
          eb('actor_id', '=', userId),
          eb.and([eb('target_type', '=', 'user'), eb('target_id', '=', userId)]),
        ]),
      )
      .orderBy('id')
      .execute(),
  ]);

  const files: ArchiveFile[] = attachments.map((a) => ({
    path: `files/attachments/${a.id}-${a.file_name}`,
    storageKey: a.storage_key,
  }));
  if (user.photo_key && user.photo_type) {
    files.push({ path: `files/photo.${user.photo_type.split('/')[1] ?? 'img'}`, storageKey: user.photo_key });
  }

  const data = {
    profile: {
      name: user.name,
      handle: user.handle,
      email: user.email,
      jobTitle: user.job_title,
      department: user.department,
      site: user.site,
      manager: user.manager,
      phone: user.phone,
      about: user.about,
      languages: user.languages,
      photo: files.find((f) => f.path.startsWith('files/photo'))?.path ?? null,
      skills: skills.map((s) => s.name),
    },
    account: {
      id: user.id,
      role: user.role,
      status: user.status,
      language: user.locale,
      createdAt: iso(user.created_at),
      lastSignInAt: iso(user.last_sign_in_at),
      passwordChangedAt: iso(user.password_changed_at),
      calendarFeedCreatedAt: iso(calendarFeed?.created_at),
    },
    sessions: sessions.map((s) => ({
      startedAt: iso(s.created_at),
      lastSeenAt: iso(s.last_seen_at),
      expiresAt: iso(s.expires_at),
      ip: s.ip,
      userAgent: s.user_agent,
    })),
    posts: posts.map((p) => ({
      id: p.id,
      space: p.space,
      title: p.title,
      body: p.body,
      link: p.link_url,
      announcement: p.is_announcement,
      sharedPostId: p.shared_post_id,
      createdAt: iso(p.created_at),
      editedAt: iso(p.edited_at),
      deletedAt: iso(p.deleted_at),
      earlierVersions: revisions
        .filter((r) => r.post_id === p.id)
        .map((r) => ({ body: r.body, replacedAt: iso(r.replaced_at) })),
      files: attachments
        .filter((a) => a.post_id === p.id)
        .map((a) => `files/attachments/${a.id}-${a.file_name}`),
    })),
    files: attachments.map((a) => ({
      path: `files/attachments/${a.id}-${a.file_name}`,
      name: a.file_name,
      type: a.content_type,
      sizeBytes: Number(a.size_bytes),
      postId: a.post_id,
      uploadedAt: iso(a.created_at),
    })),
    comments: comments.map((c) => ({
      id: c.id,
      postId: c.post_id,
      replyTo: c.parent_id,
      body: c.body,
      createdAt: iso(c.created_at),
      editedAt: iso(c.edited_at),
      deletedAt: iso(c.deleted_at),
    })),
    reactions: [
      ...reactions.map((r) => ({ postId: r.post_id, commentId: null, kind: r.kind, at: iso(r.created_at) })),
      ...commentReactions.map((r) => ({
        postId: null,
        commentId: r.comment_id,
        kind: r.kind,
        at: iso(r.created_at),
      })),
    ],
    pollVotes: pollVotes.map((v) => ({ postId: v.post_id, option: v.option, at: iso(v.voted_at) })),
    answerVotes: answerVotes.map((v) => ({ commentId: v.comment_id, at: iso(v.created_at) })),
    announcementsAcknowledged: acks.map((a) => ({ postId: a.post_id, at: iso(a.acknowledged_at) })),
    eventAnswers: rsvps.map((r) => ({
      eventId: r.event_id,
      event: r.event,
      startsAt: iso(r.starts_at),
      answer: r.answer,
      at: iso(r.answered_at),
    })),
    eventsCreated: eventsCreated.map((e) => ({
      id: e.id,
      title: e.title,
      description: e.description,
      startsAt: iso(e.starts_at),
      endsAt: iso(e.ends_at),
      location: e.location,
      onlineUrl: e.online_url,
      createdAt: iso(e.created_at),
    })),
    knowledgePagesCreated: pagesCreated.map((p) => ({
      id: p.id,
      space: p.space,
      title: p.title,
      createdAt: iso(p.created_at),
    })),
    knowledgeRevisions: pageRevisions.map((r) => ({
      pageId: r.page_id,
      revision: r.number,
      title: r.title,
      body: r.body,
      at: iso(r.created_at),
    })),
    bookmarks: bookmarks.map((b) => ({ postId: b.post_id, at: iso(b.created_at) })),
    following: following.map((f) => ({ name: f.name, since: iso(f.created_at) })),
    followers: followers.map((f) => ({ name: f.name, since: iso(f.created_at) })),
    tagsFollowed: tagFollows.map((t) => ({ tag: t.tag, since: iso(t.created_at) })),
    spaces: memberships.map((m) => ({ space: m.space, role: m.role, joinedAt: iso(m.joined_at) })),
    skills: skills.map((s) => ({ name: s.name, addedAt: iso(s.created_at) })),
    endorsementsGiven: endorsementsGiven.map((e) => ({
      person: e.person,
      skill: e.skill,
      at: iso(e.created_at),
    })),
    endorsementsReceived: endorsementsReceived.map((e) => ({
      from: e.endorser,
      skill: e.skill,
      at: iso(e.created_at),
    })),
    notifications: notifications.map((n) => ({
      kind: n.kind,
      from: n.actor,
      postId: n.post_id,
      commentId: n.comment_id,
      at: iso(n.created_at),
      readAt: iso(n.read_at),
    })),
    notificationsSwitchedOff: mutes.map((m) => m.kind),
    invitationsSent: invitations.map((i) => ({
      email: i.email,
      role: i.role,
      message: i.message,
      sentAt: iso(i.created_at),
      acceptedAt: iso(i.accepted_at),
      revokedAt: iso(i.revoked_at),
    })),
    auditRecords: auditRecords.map((a) => ({
      at: iso(a.at),
      action: a.action,
      by: a.actor_label,
      target: a.target_type ? { type: a.target_type, label: a.target_label } : null,
      ip: a.ip,
      userAgent: a.user_agent,
      before: a.before,
      after: a.after,
    })),
  };
  return { data, files, locale: user.locale };
}
