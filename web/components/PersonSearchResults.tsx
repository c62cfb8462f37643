import { usePeople } from '../api/people.ts';
import { Button } from './Button.tsx';
import { Loading } from './Loading.tsx';

interface PersonSearchResultsProps {
  /** What was typed, already debounced and trimmed; nothing is searched while it is empty. */
  query: string;
  /** People not offered (already chosen, the person themselves). */
  excluded: (id: string) => boolean;
  label: string;
  emptyText: string;
  actionLabel: (name: string) => string;
  onChoose: (person: { id: string; name: string }) => void;
}

/** The directory's matches for a name, each with a button to choose them (the pickers' list). */
export function PersonSearchResults({
  query,
  excluded,
  label,
  emptyText,
  actionLabel,
  onChoose,
}: PersonSearchResultsProps) {
  const people = usePeople({ q: query || undefined }, query.length > 0);
  if (!query) return null;
  if (people.isPending) return <Loading />;
  const results = (people.data?.pages[0]?.items ?? []).filter((p) => !excluded(p.id));
  if (results.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ul className="picker-results" aria-label={label}>
      {results.slice(0, 8).map((person) => (
        <li key={person.id}>
          <span>
            {person.name}
            {person.jobTitle ? <span className="muted"> · {person.jobTitle}</span> : null}
          </span>
          <Button type="button" small onClick={() => onChoose({ id: person.id, name: person.name })}>
            {actionLabel(person.name)}
          </Button>
        </li>
      ))}
    </ul>
  );
}
