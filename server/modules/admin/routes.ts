import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { audit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { actorRef } from '../../platform/http/request.ts';
import { route } from '../../platform/http/route.ts';
import { REDACTED } from '../../platform/mail/outbox.ts';
import { pageOf } from '../../platform/pagination.ts';
import { authorize } from '../../platform/policy.ts';
import { contentDisposition } from '../../platform/storage/sniff.ts';
import { AUDIT_CSV_HEADER, auditCsvLine } from './audit-csv.ts';
import { adminPolicy } from './policies.ts';
import { presentAuditEntry, presentOutboxDetail, presentOutboxMessage } from './presenters.ts';
import { auditBatch, findOutboxMessage, listAudit, listOutbox, verifyAuditChain } from './queries.ts';

export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, api.listOutbox, async ({ actor, query }) => {
    authorize(adminPolicy.canReadOutbox(actor));
    const rows = await listOutbox(ctx.db, query);
    return pageOf(rows, query.limit, (r) => r.id, presentOutboxMessage);
  });

  route(app, ctx, api.getOutboxMessage, async ({ actor, params, meta }) => {
    authorize(adminPolicy.canReadOutbox(actor));
    const message = await findOutboxMessage(ctx.db, params.id);
    if (!message) throw notFound('Message');
    if (message.sensitive && message.text_body !== REDACTED) {
      // The text holds someone's sign-in link: who read it is worth knowing.
      await audit(ctx.db, {
        action: 'mail.sensitive_viewed',
        actor: actorRef(actor),
        target: { type: 'mail', id: message.id, label: `${message.kind} → ${message.to_address}` },
        meta,
        at: ctx.clock.now(),
      });
    }
    return presentOutboxDetail(message);
  });

  route(app, ctx, api.listAudit, async ({ actor, query }) => {
    authorize(adminPolicy.canReadAudit(actor));
    const rows = await listAudit(ctx.db, query);
    return pageOf(rows, query.limit, (r) => r.id, presentAuditEntry);
  });

  route(app, ctx, api.verifyAudit, async ({ actor }) => {
    authorize(adminPolicy.canReadAudit(actor));
    return verifyAuditChain(ctx.db);
  });

  route(app, ctx, api.exportAudit, async ({ actor, query, meta, reply }) => {
    authorize(adminPolicy.canReadAudit(actor));
    // Recorded first: the export is in the log it exports.
    await audit(ctx.db, {
      action: 'audit.exported',
      actor: actorRef(actor),
      details: { filter: query },
      meta,
      at: ctx.clock.now(),
    });
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition('attachment', 'trame-audit.csv'))
      .header('x-content-type-options', 'nosniff');
    const db = ctx.db;
    async function* lines() {
      yield `${AUDIT_CSV_HEADER.join(',')}\r\n`;
      let after = 0;
      for (;;) {
        const rows = await auditBatch(db, query, after);
        for (const row of rows) yield auditCsvLine(row);
        if (rows.length < 1000) return;
        after = Number(rows[rows.length - 1]!.id);
      }
    }
    await reply.send(Readable.from(lines()));
  });
}
