// Customer care — email: English texts (the reference shape; see ../catalog.ts).
export const emailEn = {
  title: 'Customer care',
  kind: 'Email',
  settings: {
    addresses: 'Addresses customers write to',
    addressesHelp:
      'One per line. Trame receives mail for these addresses only; the first one sends the replies.',
    fromName: 'Sender name',
    fromNameHelp: 'The name customers see on the replies, e.g. "Acme Support".',
    signature: 'Signature',
    signatureHelp: 'Added under every reply. Optional.',
  },
  /** The channel test button, by the code email/driver.ts test() answers (its English message carries details). */
  test: {
    ok: 'Replies can be sent, and mail to these addresses is received.',
    settings_invalid: 'The settings are incomplete.',
    smtp_not_configured: 'Outgoing mail is not configured (SMTP_URL): replies to customers cannot be sent.',
    smtp_unreachable: 'The outgoing mail server does not answer.',
    listener_off:
      'Replies can be sent, but Trame receives no mail: the SMTP listener is off (CARE_SMTP_PORT).',
  },
  message: {
    attachments: 'Attachments (not kept): {{list}}',
    noText: 'This email has no text.',
  },
} as const;
