import { describe, expect, it } from 'vitest';
import { detectLanguage, scoreSentiment } from './sentiment.ts';

describe('care sentiment', () => {
  it('tells French from English by their small words and accents', () => {
    expect(detectLanguage('Bonjour, où est ma commande ? Je ne l’ai pas reçue.')).toBe('fr');
    expect(detectLanguage('Hello, where is my order? I have not received it.')).toBe('en');
  });

  it('scores in [-1, 1] with the right sign, in both languages', () => {
    expect(scoreSentiment('Votre service est nul, je suis très déçu.')).toBeLessThan(-0.3);
    expect(scoreSentiment('Merci beaucoup, excellent service, je suis ravie !')).toBeGreaterThan(0.3);
    expect(scoreSentiment('Terrible support, I am angry.')).toBeLessThan(-0.3);
    expect(scoreSentiment('Great product, thank you!')).toBeGreaterThan(0.3);
    expect(scoreSentiment('')).toBe(0);
    const strong = scoreSentiment('awful terrible horrible disgusting hate hate hate');
    expect(strong).toBeGreaterThanOrEqual(-1);
  });

  it('flips a word a negator stands just before, within its clause', () => {
    expect(scoreSentiment('I am not happy at all')).toBeLessThan(0);
    expect(scoreSentiment('Je ne suis pas content')).toBeLessThan(0);
    expect(scoreSentiment('Le colis n’est pas arrivé, c’est inadmissible')).toBeLessThan(0);
  });
});
