import { describe, expect, it } from 'vitest';
import { skillKey } from './skills.ts';

describe('skillKey', () => {
  it('ignores case, accents and spacing', () => {
    expect(skillKey('  Photométrie   avancée ')).toBe('photometrie avancee');
    expect(skillKey('PHOTOMETRIE AVANCEE')).toBe('photometrie avancee');
  });

  it('folds look-alike letters and invisible characters', () => {
    expect(skillKey('Ｋｕｂｅｒｎｅｔｅｓ')).toBe('kubernetes');
    expect(skillKey('Kuber\u200bnetes')).toBe('kubernetes');
  });

  it('keeps scripts without accents whole, so a key is as long as its name', () => {
    const korean = '쿠버네티스';
    expect(skillKey(korean)).toBe(korean);
    expect(skillKey('日本語')).toBe('日本語');
  });
});
