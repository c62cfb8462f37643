// The words of every email Trame sends, in French and English. Plain text: it reads
// well in any client and cannot carry markup from user input.
import type { Locale } from '../../db/schema.ts';

export interface MailContent {
  subject: string;
  text: string;
}

type Templates = {
  invitation(v: {
    organisation: string;
    inviter: string;
    link: string;
    message: string | null;
    days: number;
  }): MailContent;
  /** A guest (customer, partner) invited into one external space. */
  guestInvitation(v: {
    organisation: string;
    inviter: string;
    space: string;
    link: string;
    message: string | null;
    days: number;
  }): MailContent;
  passwordReset(v: { organisation: string; name: string; link: string; minutes: number }): MailContent;
  passwordChanged(v: { organisation: string; name: string; resetLink: string }): MailContent;
  personalDataReady(v: { organisation: string; name: string; link: string; days: number }): MailContent;
};

const quote = (message: string | null, intro: string) =>
  message
    ? `\n${intro}\n${message
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n')}\n`
    : '';

const en: Templates = {
  invitation: ({ organisation, inviter, link, message, days }) => ({
    subject: `${inviter} invites you to join ${organisation} on Trame`,
    text: `Hello,

${inviter} invites you to join ${organisation} on Trame, where colleagues share news, ask questions and find the people who know.
${quote(message, `${inviter} wrote:`)}
Choose your password to join:
${link}

This link is valid for ${days} days and can be used once. If you were not expecting it, you can ignore this email.
`,
  }),
  guestInvitation: ({ organisation, inviter, space, link, message, days }) => ({
    subject: `${inviter} invites you to the space "${space}" of ${organisation}`,
    text: `Hello,

${inviter} invites you, as a guest, to the space "${space}" that ${organisation} shares with its customers and partners on Trame.
You will see that space and the people in it, nothing else of ${organisation}.
${quote(message, `${inviter} wrote:`)}
Choose your password to join:
${link}

This link is valid for ${days} days and can be used once. If you were not expecting it, you can ignore this email.
`,
  }),
  passwordReset: ({ organisation, name, link, minutes }) => ({
    subject: `Reset your ${organisation} password`,
    text: `Hello ${name},

Someone (probably you) asked to reset the password of your ${organisation} account on Trame.
Choose a new password here:
${link}

This link is valid for ${minutes} minutes and can be used once. If you did not ask for it, ignore this email: your password stays the same.
`,
  }),
  passwordChanged: ({ organisation, name, resetLink }) => ({
    subject: `Your ${organisation} password was changed`,
    text: `Hello ${name},

The password of your ${organisation} account on Trame was just changed, and your other sessions were signed out.
If this was not you, reset your password at once: ${resetLink}
and tell your administrator.
`,
  }),
  personalDataReady: ({ organisation, name, link, days }) => ({
    subject: `Your ${organisation} data archive is ready`,
    text: `Hello ${name},

The archive of your personal data you asked for on ${organisation}'s Trame is ready: everything you wrote and everything stored about you, with your files.
Download it from your settings (you will be asked to sign in):
${link}

It is kept for ${days} days, then deleted. Only you can download it. If you did not ask for it, tell your administrator.
`,
  }),
};

const fr: Templates = {
  invitation: ({ organisation, inviter, link, message, days }) => ({
    subject: `${inviter} vous invite à rejoindre ${organisation} sur Trame`,
    text: `Bonjour,

${inviter} vous invite à rejoindre ${organisation} sur Trame, où les collègues partagent leurs nouvelles, posent leurs questions et trouvent qui sait.
${quote(message, `Message de ${inviter} :`)}
Choisissez votre mot de passe pour nous rejoindre :
${link}

Ce lien est valable ${days} jours et ne sert qu'une fois. Si vous ne l'attendiez pas, ignorez ce message.
`,
  }),
  guestInvitation: ({ organisation, inviter, space, link, message, days }) => ({
    subject: `${inviter} vous invite dans l'espace « ${space} » de ${organisation}`,
    text: `Bonjour,

${inviter} vous invite, en tant qu'invité, dans l'espace « ${space} » que ${organisation} partage avec ses clients et partenaires sur Trame.
Vous y verrez cet espace et les personnes qui en font partie, rien d'autre de ${organisation}.
${quote(message, `Message de ${inviter} :`)}
Choisissez votre mot de passe pour nous rejoindre :
${link}

Ce lien est valable ${days} jours et ne sert qu'une fois. Si vous ne l'attendiez pas, ignorez ce message.
`,
  }),
  passwordReset: ({ organisation, name, link, minutes }) => ({
    subject: `Réinitialisez votre mot de passe ${organisation}`,
    text: `Bonjour ${name},

Quelqu'un (sans doute vous) a demandé à réinitialiser le mot de passe de votre compte ${organisation} sur Trame.
Choisissez un nouveau mot de passe ici :
${link}

Ce lien est valable ${minutes} minutes et ne sert qu'une fois. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même.
`,
  }),
  passwordChanged: ({ organisation, name, resetLink }) => ({
    subject: `Votre mot de passe ${organisation} a été modifié`,
    text: `Bonjour ${name},

Le mot de passe de votre compte ${organisation} sur Trame vient d'être modifié, et vos autres sessions ont été fermées.
Si ce n'était pas vous, réinitialisez votre mot de passe tout de suite : ${resetLink}
et prévenez votre administrateur.
`,
  }),
  personalDataReady: ({ organisation, name, link, days }) => ({
    subject: `L'archive de vos données ${organisation} est prête`,
    text: `Bonjour ${name},

L'archive de vos données personnelles que vous avez demandée sur le Trame de ${organisation} est prête : tout ce que vous avez écrit et tout ce qui est conservé sur vous, avec vos fichiers.
Téléchargez-la depuis vos paramètres (il vous sera demandé de vous connecter) :
${link}

Elle est conservée ${days} jours, puis supprimée. Vous seul pouvez la télécharger. Si vous ne l'avez pas demandée, prévenez votre administrateur.
`,
  }),
};

export const templates: Record<Locale, Templates> = { en, fr };
