import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CARE_CHANNEL_KINDS } from '../../common/schemas/care-channels.ts';
import { useCareChannels } from '../api/care-channels.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Badge } from '../components/Badge.tsx';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Select } from '../components/Select.tsx';
import { Table } from '../components/Table.tsx';
import { errorMessage } from '../i18n/messages.ts';

/** Admin → Customer care → Channels: every channel, and adding one of a kind. */
export function AdminCareChannelsPage() {
  const { t } = useTranslation();
  usePageTitle(t('care.channels.channels.title'), t('admin.title'));
  const channels = useCareChannels();
  const navigate = useNavigate();
  const [kind, setKind] = useState<string>('widget');
  return (
    <>
      <h1>{t('care.channels.channels.title')}</h1>
      <p>{t('care.channels.channels.intro')}</p>
      {channels.error ? <FormError message={errorMessage(t, channels.error)} /> : null}
      {channels.isPending ? <Loading /> : null}
      {channels.data && channels.data.items.length === 0 ? <p>{t('care.channels.channels.empty')}</p> : null}
      {channels.data && channels.data.items.length > 0 ? (
        <Table
          caption={t('care.channels.channels.caption')}
          columns={[
            t('care.channels.channels.name'),
            t('care.channels.channels.kind'),
            t('care.channels.channels.state'),
            t('care.channels.channels.conversations'),
          ]}
        >
          {channels.data.items.map((channel) => (
            <tr key={channel.id}>
              <td>
                <Link
                  to={`/admin/care/channels/${channel.id}`}
                  aria-label={t('care.channels.channels.open', { name: channel.name })}
                >
                  {channel.name}
                </Link>
              </td>
              <td>{t(`care.channels.kinds.${channel.kind}`)}</td>
              <td>
                <Badge>
                  {channel.enabled
                    ? t('care.channels.channels.enabled')
                    : t('care.channels.channels.disabled')}
                </Badge>
              </td>
              <td>{channel.conversationCount}</td>
            </tr>
          ))}
        </Table>
      ) : null}
      <section className="card" aria-labelledby="care-add-title">
        <h2 id="care-add-title">{t('care.channels.channels.add')}</h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            navigate(`/admin/care/channels/new/${kind}`);
          }}
        >
          <Select
            label={t('care.channels.channels.addKind')}
            name="kind"
            value={kind}
            options={CARE_CHANNEL_KINDS.map((value) => ({ value, label: t(`care.channels.kinds.${value}`) }))}
            onChange={setKind}
          />
          <div className="form-actions">
            <Button type="submit" variant="primary">
              {t('care.channels.channels.addButton')}
            </Button>
          </div>
        </form>
      </section>
    </>
  );
}
