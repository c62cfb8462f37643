import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCareAgents, useSetCareAgent, useUserSearch } from '../api/care-channels.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { Table } from '../components/Table.tsx';
import { TextField } from '../components/TextField.tsx';
import { errorMessage } from '../i18n/messages.ts';

/** Admin → Customer care → Agents: who works the inbox; grant and withdraw the role. */
export function AdminCareAgentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('care.channels.agents.title'), t('admin.title'));
  const agents = useCareAgents();
  const setAgent = useSetCareAgent();
  const [q, setQ] = useState('');
  const search = useUserSearch(q);
  const [done, setDone] = useState<string | null>(null);
  const change = (person: { id: string; name: string }, agent: boolean) => {
    setDone(null);
    setAgent.mutate(
      { id: person.id, agent },
      {
        onSuccess: () =>
          setDone(
            t(agent ? 'care.channels.agents.granted' : 'care.channels.agents.withdrawn', {
              name: person.name,
            }),
          ),
      },
    );
  };
  if (agents.error) return <FormError message={errorMessage(t, agents.error)} />;
  if (!agents.data) return <Loading />;
  const agentIds = new Set(agents.data.items.map((a) => a.id));
  return (
    <>
      <h1>{t('care.channels.agents.title')}</h1>
      <p>{t('care.channels.agents.intro')}</p>
      {setAgent.error ? <FormError message={errorMessage(t, setAgent.error)} /> : null}
      {done ? <Notice>{done}</Notice> : null}
      {agents.data.items.length === 0 ? (
        <p>{t('care.channels.agents.empty')}</p>
      ) : (
        <Table
          caption={t('care.channels.agents.caption')}
          columns={[t('care.channels.agents.name'), t('care.channels.agents.email'), '']}
        >
          {agents.data.items.map((agent) => (
            <tr key={agent.id}>
              <td>{agent.name}</td>
              <td>{agent.email}</td>
              <td>
                <Button
                  type="button"
                  small
                  variant="quiet"
                  aria-label={t('care.channels.agents.withdrawLabel', { name: agent.name })}
                  onClick={() => change(agent, false)}
                >
                  {t('care.channels.agents.withdraw')}
                </Button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <section className="card" aria-labelledby="care-agent-search-title">
        <h2 id="care-agent-search-title">{t('care.channels.agents.search')}</h2>
        <TextField
          label={t('care.channels.agents.search')}
          name="q"
          type="search"
          value={q}
          onChange={setQ}
        />
        {search.data && search.data.items.length === 0 ? <p>{t('care.channels.agents.noResult')}</p> : null}
        {search.data && search.data.items.length > 0 ? (
          <ul className="plain-list">
            {search.data.items
              .filter((person) => person.role !== 'guest')
              .map((person) => (
                <li key={person.id}>
                  {person.name} ({person.email}){' '}
                  {agentIds.has(person.id) ? (
                    <span className="muted">{t('care.channels.agents.isAgent')}</span>
                  ) : (
                    <Button
                      type="button"
                      small
                      aria-label={t('care.channels.agents.grantLabel', { name: person.name })}
                      onClick={() => change(person, true)}
                    >
                      {t('care.channels.agents.grant')}
                    </Button>
                  )}
                </li>
              ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
