// Customer care — email: French texts.
import type { DeepStringRecord } from '../catalog.ts';
import type { emailEn } from './email.en.ts';

export const emailFr: DeepStringRecord<typeof emailEn> = {
  title: 'Service client',
  kind: 'E-mail',
  settings: {
    addresses: 'Adresses auxquelles les clients écrivent',
    addressesHelp:
      'Une par ligne. Trame ne reçoit le courrier que pour ces adresses ; la première envoie les réponses.',
    fromName: "Nom de l'expéditeur",
    fromNameHelp: 'Le nom que les clients voient sur les réponses, par exemple « Support Acme ».',
    signature: 'Signature',
    signatureHelp: 'Ajoutée sous chaque réponse. Facultative.',
  },
  test: {
    ok: 'Les réponses peuvent partir, et le courrier adressé à ces adresses est reçu.',
    settings_invalid: 'Les réglages sont incomplets.',
    smtp_not_configured:
      "L'envoi de courrier n'est pas configuré (SMTP_URL) : les réponses aux clients ne peuvent pas partir.",
    smtp_unreachable: "Le serveur d'envoi de courrier ne répond pas.",
    listener_off:
      "Les réponses peuvent partir, mais Trame ne reçoit aucun courrier : l'écoute SMTP est arrêtée (CARE_SMTP_PORT).",
  },
  message: {
    attachments: 'Pièces jointes (non conservées) : {{list}}',
    noText: "Cet e-mail n'a pas de texte.",
  },
};
