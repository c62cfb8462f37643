// A question from start to finish, in two browsers: asked in a space, a suggested expert
// asked to answer, their answer accepted, and the question found again by search with and
// without accents. The tests follow one story and run in order.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { makeSpace, type Person, person, post } from '../helpers/stream-fixtures.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, pageSignedInAs } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

const TITLE = 'Où réserver le goniophotomètre ?';

describe('a question answered by a suggested expert', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  let asker: Person;
  let expert: Person;
  let askerPage: Page;
  let expertPage: Page;

  const open = async (who: Person) => pageSignedInAs(await b.newContext(), who, PASSWORD);

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    asker = await person(t.server, { name: 'Paul Lefèvre', email: 'paul@questions.test' });
    expert = await person(t.server, { name: 'Inès Moreau', email: 'ines@questions.test' });
    await makeSpace(t.server, { visibility: 'open', owner: asker, members: [expert], name: 'Métrologie' });
    // What makes Inès the expert: she wrote about it before.
    await post(expert.client, null, 'Mes notes sur le goniophotomètre du laboratoire de Lyon');
    askerPage = await open(asker);
    expertPage = await open(expert);
  });

  test('the asker asks in a space and asks the suggested expert to answer', async () => {
    await askerPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Questions' })
      .click();
    await heading(askerPage, 'Questions').waitFor();
    const form = askerPage.locator('form.ask-question');
    await form.getByRole('button', { name: 'Ask' }).click();
    // Nothing is lost on a refused submission: the error sits next to the field.
    await expect.poll(() => form.getByText('Give your question a title.').count()).toBe(1);
    await form.getByLabel('Ask in').selectOption({ label: 'Métrologie' });
    await form.getByLabel('Question', { exact: true }).fill(TITLE);
    await form.getByLabel('Details').fill('Il me le faut deux jours la semaine prochaine.');
    await form.getByRole('button', { name: 'Ask' }).click();

    const card = askerPage.getByTestId('post').filter({ hasText: TITLE });
    await card.getByRole('heading', { name: TITLE }).waitFor();
    await card.getByText('Unanswered').waitFor();
    const experts = askerPage.getByRole('region', { name: 'Who could answer' });
    await experts.getByLabel('Ask Inès Moreau').check();
    await experts.getByRole('button', { name: 'Ask them to answer' }).click();
    await experts.getByText('1 person was asked to answer.').waitFor();
    await experts.getByText('already asked').waitFor();
    const violations = await seriousViolations(askerPage);
    expect(violations, violations.join('\n')).toEqual([]);
  });

  test('the expert is notified, opens the question and answers it', async () => {
    await expertPage.goto('/notifications');
    await expertPage.getByRole('link', { name: /Paul Lefèvre asks you to answer a question/ }).click();
    await expertPage.getByRole('heading', { name: TITLE }).waitFor();
    await expertPage
      .getByLabel('Write an answer')
      .fill('Il est libre mardi et mercredi : réservez-le au labo de Lyon.');
    await expertPage.getByRole('button', { name: 'Answer', exact: true }).click();
    await expertPage.getByRole('article', { name: 'Answer by Inès Moreau' }).waitFor();
  });

  test('the asker accepts the answer, and the list follows', async () => {
    await askerPage.reload();
    const answer = askerPage.getByRole('article', { name: 'Answer by Inès Moreau' });
    await answer.waitFor();
    await answer.getByRole('button', { name: 'Accept this answer' }).click();
    await answer.getByText('Accepted answer').waitFor();
    await askerPage.getByTestId('post').getByText('Accepted answer').first().waitFor();

    await askerPage.goto('/questions?status=accepted');
    await askerPage.getByRole('heading', { name: TITLE }).waitFor();
    await askerPage.goto('/questions?status=unanswered');
    await askerPage.getByRole('heading', { name: 'No questions here' }).waitFor();
  });

  test('the expert sees the acceptance; anyone finds the question with or without accents', async () => {
    await expertPage.goto('/notifications');
    await expertPage.getByRole('link', { name: /Paul Lefèvre accepted your answer/ }).waitFor();
    for (const q of ['goniophotometre reserver', 'Goniophotomètre RÉSERVER']) {
      await expertPage.goto(`/search?q=${encodeURIComponent(q)}`);
      const result = expertPage.locator('.search-result').filter({ hasText: 'Question' }).first();
      await result.getByRole('link', { name: TITLE }).waitFor();
    }
  });
});
