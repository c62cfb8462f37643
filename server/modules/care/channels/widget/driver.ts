// The web widget's channel driver. A reply is "delivered" when it is stored: the visitor's
// widget reads the replies of its own session (GET …/widget/:publicKey/messages), so there is
// nothing to send — deliver() only marks it sent. The test button checks the settings.
import { WidgetChannelSettings } from '../../../../../common/schemas/care-channels.ts';
import type { ChannelDriver } from '../driver.ts';

export const widgetDriver: ChannelDriver<typeof WidgetChannelSettings> = {
  kind: 'widget',
  settings: WidgetChannelSettings,
  async deliver(_ctx, delivery) {
    return { status: 'sent', externalId: `widget:${delivery.message.id}` };
  },
  async test(_ctx, channel) {
    const parsed = WidgetChannelSettings.safeParse(channel.settings);
    if (!parsed.success)
      return {
        ok: false,
        code: 'invalid_settings',
        message: `The settings are not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      };
    if (!channel.public_key)
      return { ok: false, code: 'no_public_key', message: 'The channel has no public key.' };
    const origins = parsed.data.allowedOrigins;
    const insecure = origins.filter(
      (o) => o.startsWith('http:') && !/^http:\/\/(localhost|127\.0\.0\.1)(:|$)/.test(o),
    );
    if (insecure.length > 0)
      return {
        ok: true,
        code: 'insecure_origin',
        message: `The widget works, but these origins are not HTTPS: ${insecure.join(', ')}.`,
      };
    if (!channel.enabled)
      return { ok: true, code: 'disabled', message: 'The settings are valid; the channel is switched off.' };
    return { ok: true, code: 'ok', message: `The widget accepts messages from ${origins.join(', ')}.` };
  },
};
