import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, typoDistance } from '../../../src/errors/index.js';

describe('didYouMean', () => {
  it('suggests the closest name when it is close, listing the others closest first', () => {
    expect(editDistance('ordres', 'orders')).toBe(2);
    expect(didYouMean('ordrs', ['customers', 'orders', 'order_items'])).toBe("did you mean 'orders'? (there are: orders, customers, order_items)");
    expect(didYouMean('ORDERS', ['orders'])).toBe("did you mean 'orders'? (there are: orders)");
  });

  it('only lists when nothing is close, and says when there is nothing at all', () => {
    expect(didYouMean('zzz', ['customers', 'orders'])).toBe('there are: orders, customers');
    expect(didYouMean('x', [])).toBe('there are none');
    expect(didYouMean('t', ['a1', 'a2', 'a3'], 2)).toBe('there are: a1, a2, … (3 in all)');
  });

  it('counts a swap of two adjacent letters as one typo, so a swapped short name is suggested', () => {
    expect(typoDistance('nmae', 'name')).toBe(1);
    expect(editDistance('nmae', 'name')).toBe(2);
    expect(typoDistance('ordres', 'orders')).toBe(1);
    expect(typoDistance('kitten', 'sitting')).toBe(3);
    expect(typoDistance('', 'abc')).toBe(3);
    // Optimal string alignment edits no letter twice: "ca" to "abc" is three edits, not two.
    expect(typoDistance('ca', 'abc')).toBe(3);
    expect(didYouMean('nmae', ['id', 'name', 'amount'])).toBe("did you mean 'name'? (there are: name, id, amount)");
    expect(didYouMean('amout', ['id', 'name', 'amount'])).toBe("did you mean 'amount'? (there are: amount, name, id)");
  });
});
