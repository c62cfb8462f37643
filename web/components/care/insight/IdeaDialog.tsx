import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConversationIdeaBody } from '../../../../common/schemas/care-insight.ts';
import { useTurnIntoIdea } from '../../../api/care-insight.ts';
import { useCampaigns } from '../../../api/ideas.ts';
import { useFormFeedback } from '../../../forms/use-form-feedback.ts';
import { Button } from '../../Button.tsx';
import { Dialog } from '../../Dialog.tsx';
import { FormError } from '../../FormError.tsx';
import { Select } from '../../Select.tsx';
import { TextField } from '../../TextField.tsx';
import { IncludeCustomerField } from './IncludeCustomerField.tsx';

interface IdeaDialogProps {
  conversationId: string;
  defaultTitle: string;
  /** The customer's words to start from (the latest message); the agent rewrites them as an idea. */
  defaultDescription: string;
}

/**
 * "Turn into an idea": a button and its dialog. The idea goes to an open campaign the agent
 * may take part in, without the customer's personal data unless the agent ticks the box.
 */
export function IdeaDialog({ conversationId, defaultTitle, defaultDescription }: IdeaDialogProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [campaignId, setCampaignId] = useState('');
  const [title, setTitle] = useState(defaultTitle);
  const [description, setDescription] = useState(defaultDescription);
  const [includeCustomer, setIncludeCustomer] = useState(false);
  const campaigns = useCampaigns();
  const turn = useTurnIntoIdea(conversationId);
  const openCampaigns = (campaigns.data?.items ?? []).filter((c) => c.open);
  // The server's own schema: problems are worded (fr/en) on their fields before anything is sent.
  const form = useFormFeedback(['campaignId', 'title', 'description']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    const body = form.validate(ConversationIdeaBody, { campaignId, title, description, includeCustomer });
    if (!body) return;
    turn.mutate(body, { onSuccess: () => setOpen(false), onError: (error) => form.showError(error) });
  };

  return (
    <>
      <Button type="button" onClick={() => setOpen(true)}>
        {t('care.insight.idea.open')}
      </Button>
      <Dialog open={open} title={t('care.insight.idea.title')} onClose={() => setOpen(false)} wide>
        <form ref={form.formRef} onSubmit={submit} noValidate>
          <FormError ref={form.bannerRef} message={form.banner} />
          {campaigns.isSuccess && openCampaigns.length === 0 ? (
            <p>{t('care.insight.idea.noCampaign')}</p>
          ) : null}
          <Select
            label={t('care.insight.idea.campaign')}
            name="campaignId"
            value={campaignId}
            onChange={setCampaignId}
            required
            error={form.fieldErrors.campaignId}
            options={[
              { value: '', label: t('care.insight.idea.chooseCampaign') },
              ...openCampaigns.map((c) => ({ value: c.id, label: `${c.title} — ${c.space.name}` })),
            ]}
          />
          <TextField
            label={t('care.insight.idea.ideaTitle')}
            name="title"
            value={title}
            onChange={setTitle}
            required
            maxLength={200}
            error={form.fieldErrors.title}
          />
          <TextField
            label={t('care.insight.idea.description')}
            name="description"
            value={description}
            onChange={setDescription}
            multiline
            rows={6}
            maxLength={10_000}
            error={form.fieldErrors.description}
          />
          <IncludeCustomerField
            checked={includeCustomer}
            onChange={setIncludeCustomer}
            hint={t('care.insight.idea.includeCustomerHint')}
          />
          <div className="form-actions">
            <Button
              type="submit"
              variant="primary"
              busy={turn.isPending}
              busyLabel={t('care.insight.idea.sending')}
            >
              {t('care.insight.idea.submit')}
            </Button>
            <Button type="button" onClick={() => setOpen(false)}>
              {t('care.insight.escalate.cancel')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
