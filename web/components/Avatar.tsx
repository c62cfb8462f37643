interface AvatarProps {
  name: string;
  large?: boolean;
  /** The person's photo; initials show without one. */
  photoUrl?: string | null | undefined;
  /** The photo's text; empty (decorative) where the name is written next to it. */
  alt?: string;
  className?: string;
}

/** A photo, or initials in a circle. Decorative unless given an `alt`: the name is always written next to it. */
export function Avatar({ name, large = false, photoUrl, alt = '', className }: AvatarProps) {
  const classes = ['avatar', large ? 'avatar-large' : '', className ?? ''].filter(Boolean).join(' ');
  if (photoUrl) {
    return (
      <img className={`${classes} avatar-photo`} src={photoUrl} alt={alt} loading="lazy" decoding="async" />
    );
  }
  return (
    <span className={classes} aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (
    ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() ||
    '?'
  );
}
