import fc from 'fast-check';
import { goalProblems } from './metric-rules.js';

describe('metric goals', () => {
  it('accepts targets the metric’s way from the baseline and refuses the others', () => {
    expect(goalProblems({ direction: 'higher_is_better', baseline: 10, target: 20 })).toEqual([]);
    expect(goalProblems({ direction: 'higher_is_better', baseline: null, target: 5 })).toEqual([]);
    expect(goalProblems({ direction: 'higher_is_better', baseline: 10, target: 10 })).toEqual([expect.objectContaining({ field: 'target' })]);
    expect(goalProblems({ direction: 'lower_is_better', baseline: 30, target: 20 })).toEqual([]);
    expect(goalProblems({ direction: 'lower_is_better', baseline: 30, target: 40 })).toEqual([expect.objectContaining({ field: 'target' })]);
    expect(goalProblems({ direction: 'lower_is_better', baseline: null, target: 5 })).toEqual([expect.objectContaining({ field: 'baseline' })]);
    expect(goalProblems({ direction: 'lower_is_better', baseline: null, target: null })).toEqual([]);
  });

  it('accepts every target set the metric’s way, and refuses the same target the other way', () => {
    const goal = fc
      .record({ direction: fc.constantFrom('higher_is_better' as const, 'lower_is_better' as const), baseline: fc.integer({ min: -1000, max: 1000 }), step: fc.integer({ min: 1, max: 1000 }) })
      .map(({ direction, baseline, step }) => ({ direction, baseline, target: direction === 'higher_is_better' ? baseline + step : baseline - step }));
    fc.assert(
      fc.property(goal, (g) => {
        expect(goalProblems(g)).toEqual([]);
        const flipped = g.direction === 'higher_is_better' ? 'lower_is_better' : 'higher_is_better';
        expect(goalProblems({ ...g, direction: flipped })).toEqual([expect.objectContaining({ field: 'target' })]);
      }),
    );
  });
});
