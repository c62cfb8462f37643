// The audit log in the browser: an administrator checks that nobody changed it, sees where
// it was changed once someone did, and downloads it as CSV.
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { api } from '../../common/api.ts';
import { PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, pageSignedInAs } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

describe('the audit log, checked and exported', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  let page: Page;

  beforeAll(async () => {
    const { admin, client } = await setUpOrganisation(t.server);
    await client.call(api.createInvitation, { body: { email: 'lea@audit.test', locale: 'fr' } });
    page = await pageSignedInAs(await b.newContext({ acceptDownloads: true }), admin, PASSWORD);
  });

  test('the chain holds, and the log downloads as CSV', async () => {
    await page.goto('/admin/audit');
    await heading(page, 'Audit log').waitFor();
    await page.getByRole('button', { name: 'Check the chain' }).click();
    await page.getByText(/The log holds: \d+ records, each as it was written\./).waitFor();
    const violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('trame-audit.csv');
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toMatch(/^id,seq,at,action,/);
    expect(text).toContain('lea@audit.test');
  });

  test('a record changed behind Trame’s back is named', async () => {
    const db = t.server.ctx.db;
    const row = await db
      .selectFrom('audit_log')
      .select('id')
      .where('target_label', '=', 'lea@audit.test')
      .executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
    await sql`UPDATE audit_log SET target_label = 'personne@audit.test' WHERE id = ${row.id}`.execute(db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(db);
    await page.reload();
    await page.getByRole('button', { name: 'Check the chain' }).click();
    await page.getByText(`The log was tampered with at record ${row.id}`).waitFor();
  });
});
