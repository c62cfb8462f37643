import { describe, expect, it } from 'vitest';
import { fitWithin } from './shrink-photo.ts';

describe('photo size', () => {
  it('shrinks the longer side to 400 pixels, keeping the proportions', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 400, height: 300 });
    expect(fitWithin(1080, 1920)).toEqual({ width: 225, height: 400 });
  });

  it('never enlarges a small photo', () => {
    expect(fitWithin(120, 80)).toEqual({ width: 120, height: 80 });
  });

  it('keeps at least one pixel on each side', () => {
    expect(fitWithin(10_000, 2)).toEqual({ width: 400, height: 1 });
  });
});
