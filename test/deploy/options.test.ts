import { describe, expect, it } from 'vitest';
import { parseSteps } from '../../actions/deploy/options.js';

describe('steps', () => {
  it('accepts increasing percentages ending at 100', () => {
    expect(parseSteps('10, 50,100', 'steps')).toEqual([10, 50, 100]);
    expect(parseSteps('100', 'steps')).toEqual([100]);
  });

  it.each([
    ['50,10,100', 'the steps must increase: 50 is followed by 10'],
    ['10,50,50,100', 'the steps must increase: 50 is followed by 50'],
    ['10,150', '150 percent is outside 1..100'],
    ['0,100', '0 percent is outside 1..100'],
    ['10,50', 'the last step must be 100 (it is 50)'],
    ['10,x,100', '"x" is not a whole percentage'],
    ['10.5,100', '"10.5" is not a whole percentage'],
  ])('refuses %s', (text, message) => {
    expect(() => parseSteps(text, 'steps')).toThrow(message);
  });
});
