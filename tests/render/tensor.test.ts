// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderShown } from '../../src/snippet/render';

import { tensor, text } from './fixtures';
import { translator } from '../../src/i18n/translate';

const show = (data: ReturnType<typeof tensor>, lang: 'en' | 'fr' = 'en') => renderShown({ label: null, data }, lang);
const valueCells = (el: Element) => [...el.querySelectorAll('td[data-value]')].map((td) => td.textContent);

describe('tensor view', () => {
  it('lays a 2x3 matrix out as 6 value cells with its shape and dtype', () => {
    const el = show(tensor([2, 3], [1, 2, 3, 4, 5, 6]));
    const t = el.querySelector('[data-tensor]');
    expect(t?.getAttribute('data-shape')).toBe('2,3');
    expect(t?.getAttribute('data-dtype')).toBe('float32');
    expect(valueCells(el)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(el.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(text(el.querySelector('.out-caption')!)).toContain('float32, shape [2, 3]');
    expect(el.querySelector('.out-more')).toBeNull();
  });

  it('lays out a windowed matrix (a large one) by its corner, counting the rest', () => {
    const corner = Array.from({ length: 144 }, (_, i) => Math.floor(i / 12) * 1000 + (i % 12));
    const el = show({ ...tensor([1000, 1000], corner), size: 1_000_000, truncated: true, window: { rows: 12, cols: 12 } });
    const rows = [...el.querySelectorAll('tbody tr:not(.out-elided-row)')];
    expect(rows).toHaveLength(12);
    expect([...rows[1]!.querySelectorAll('td[data-value]')].map((td) => td.textContent)[0]).toBe(translator('en').number(1000));
    expect(rows[11]!.querySelectorAll('td[data-value]')).toHaveLength(12);
    expect(el.querySelector('.out-more')?.textContent).toContain(translator('en').count(1_000_000 - 144));
  });

  it('colours cells from a diverging scale centred on zero, values still printed', () => {
    const el = show(tensor([1, 3], [-2, 0, 1]));
    const heats = [...el.querySelectorAll('td[data-value]')].map((td) => td.getAttribute('data-heat'));
    expect(heats).toEqual(['-4', '0', '2']);
    expect(valueCells(el)).toEqual(['-2', '0', '1']);
  });

  it('shows a scalar as one value with an empty data-shape', () => {
    const el = show(tensor([], [3.14159]));
    expect(el.querySelector('[data-tensor]')?.getAttribute('data-shape')).toBe('');
    expect(el.querySelector('table')).toBeNull();
    expect(text(el.querySelector('.out-scalar')!)).toBe('3.142');
    expect(text(el)).toContain('(scalar)');
  });

  it('shows a vector as a single row', () => {
    const el = show(tensor([4], [1, 2, 3, 4]));
    expect(el.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(valueCells(el)).toEqual(['1', '2', '3', '4']);
  });

  it('splits rank 3 into labelled 2D slices', () => {
    const el = show(tensor([2, 2, 3]));
    const labels = [...el.querySelectorAll('.out-slice-label')].map(text);
    expect(labels).toEqual(['[0, :, :]', '[1, :, :]']);
    const second = el.querySelectorAll('.out-slice')[1]!;
    expect(valueCells(second)).toEqual(['6', '7', '8', '9', '10', '11']);
  });

  it('caps a large matrix at 12x12 with "…" cells and counts the values not shown', () => {
    const el = show(tensor([20, 30]));
    expect(el.querySelectorAll('td[data-value]')).toHaveLength(144);
    expect(el.querySelectorAll('td[data-elided]').length).toBeGreaterThan(0);
    expect(text(el.querySelector('.out-more')!)).toBe('… 456 more values');
  });

  it('counts values the worker truncated, in French too', () => {
    const el = show(tensor([5000], undefined), 'fr');
    expect(el.querySelectorAll('td[data-value]')).toHaveLength(24);
    expect(text(el.querySelector('.out-more')!)).toBe('… 4\u202f976 valeurs de plus');
  });

  it('caps slices and says how many are left', () => {
    const el = show(tensor([10, 2, 2]));
    expect(el.querySelectorAll('.out-slice')).toHaveLength(8);
    expect(text(el)).toContain('… 2 more slices not shown');
  });

  it('prints booleans as true/false and strings as text', () => {
    expect(valueCells(show(tensor([2], [1, 0], 'bool')))).toEqual(['true', 'false']);
    const s = show(tensor([1], ['<b>x</b>'], 'string'));
    expect(valueCells(s)).toEqual(['<b>x</b>']);
    expect(s.querySelector('b')).toBeNull();
  });

  it('formats numbers compactly', () => {
    expect(translator('en').number(-0)).toBe('0');
    expect(translator('en').number(42)).toBe('42');
    expect(translator('en').number(123456)).toBe('123456');
    expect(translator('en').number(0.123456)).toBe('0.1235');
    expect(translator('en').number(1.5e-7)).toBe('1.5e-7');
    expect(translator('en').number(12345.678)).toBe('1.235e4');
    expect(translator('fr').number(0.123456)).toBe('0,1235');
    expect(translator('en').number(NaN)).toBe('NaN');
  });

  it('says so for an empty tensor', () => {
    const el = show(tensor([0, 3], []));
    expect(text(el)).toContain('No values (empty tensor)');
    expect(el.querySelector('[data-tensor]')?.getAttribute('data-shape')).toBe('0,3');
  });
});
