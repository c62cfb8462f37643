// The archive itself: data.json, a README in the person's language, and their files under
// files/. Built in memory: a person's own uploads are bounded by MAX_UPLOAD_MB each.
import { strToU8, type Zippable, zipSync } from 'fflate';
import type { Locale } from '../../db/schema.ts';
import type { LocalStorage } from '../../platform/storage/local.ts';
import type { ArchiveFile } from './archive-data.ts';

const README: Record<Locale, (v: { name: string; at: string; days: number }) => string> = {
  en: ({ name, at, days }) => `Personal data of ${name}, exported from Trame on ${at}.

data.json   everything you wrote (posts, questions, comments, answers, knowledge pages, events,
            with earlier versions) and everything stored about you: profile, account, sessions
            (when, from where), reactions, votes, event answers, bookmarks, follows, skills and
            endorsements, notifications, invitations you sent, and the audit records where you
            are the one acting or the one acted upon. Other people appear by name only where a
            line needs it (whom you follow, who endorsed you); their own writing is not included.
files/      the files you uploaded, and your profile photo.

Times are in UTC (ISO 8601). This archive is deleted from Trame ${days} days after it was made.
`,
  fr: ({ name, at, days }) => `Données personnelles de ${name}, exportées de Trame le ${at}.

data.json   tout ce que vous avez écrit (publications, questions, commentaires, réponses, pages de
            connaissances, événements, avec leurs versions précédentes) et tout ce qui est
            conservé sur vous : profil, compte, sessions (quand, d'où), réactions, votes, réponses
            aux événements, favoris, abonnements, compétences et recommandations, notifications,
            invitations envoyées, et les entrées du journal d'audit où vous agissez ou êtes visé.
            Les autres personnes n'y figurent que par leur nom, là où une ligne en a besoin (qui
            vous suivez, qui vous a recommandé) ; ce qu'elles ont écrit n'y est pas.
files/      les fichiers que vous avez déposés, et votre photo de profil.

Les heures sont en UTC (ISO 8601). Cette archive est supprimée de Trame ${days} jours après sa création.
`,
};

async function readAll(storage: LocalStorage, key: string): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of storage.read(key)) chunks.push(chunk as Buffer);
  } catch {
    return null; // a file already gone from the disk: the archive says what it could
  }
  return Buffer.concat(chunks);
}

export async function buildZip(
  storage: LocalStorage,
  input: { data: unknown; files: ArchiveFile[]; locale: Locale; name: string; at: Date; days: number },
): Promise<Uint8Array> {
  const entries: Zippable = {
    'README.txt': strToU8(
      README[input.locale]({ name: input.name, at: input.at.toISOString(), days: input.days }),
    ),
    'data.json': strToU8(JSON.stringify(input.data, null, 2)),
  };
  for (const file of input.files) {
    const bytes = await readAll(storage, file.storageKey);
    // Already-compressed files (images, archives) are stored, not squeezed again.
    if (bytes) entries[file.path] = [bytes, { level: 0 }];
  }
  return zipSync(entries, { level: 6 });
}
