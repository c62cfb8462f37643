import { describe, expect, it } from 'vitest';
import { slugify } from './slug.ts';

describe('slugify', () => {
  it('keeps letters and digits, drops accents and punctuation', () => {
    expect(slugify('Lancement gamme Aurore')).toBe('lancement-gamme-aurore');
    expect(slugify('Qualité & sécurité — atelier n°2')).toBe('qualite-securite-atelier-n-2');
    expect(slugify("  L'équipe   d'Été  ")).toBe('l-equipe-d-ete');
  });

  it('always gives a valid slug, even from symbols', () => {
    expect(slugify('🎉')).toBe('space-x');
    expect(slugify('A')).toBe('space-a');
    expect(slugify('x'.repeat(80))).toHaveLength(50);
  });
});
