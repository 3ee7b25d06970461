// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderShown } from '../../src/snippet/render';
import type { PlainData } from '../../src/snippet/protocol';
import { text } from './fixtures';

const show = (data: PlainData, label: string | null = null) => renderShown({ label, data }, 'en');
const hostile = '<img src=x onerror="window.pwned=1">';

describe('plain values', () => {
  it('prints an HTML string as text, creating no element', () => {
    const el = show({ kind: 'text', text: hostile }, '<b>label</b>');
    document.body.append(el);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('b')).toBeNull();
    expect(el.querySelector('pre')?.textContent).toBe(hostile);
    expect(el.querySelector('figcaption')?.textContent).toBe('<b>label</b>');
    el.remove();
  });

  it('keeps JSON keys and strings as text', () => {
    const el = show({ kind: 'json', value: { [hostile]: hostile, list: [1, { deep: { deeper: true } }] }, truncated: false });
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('.out-json-key')?.textContent).toBe(hostile);
    expect(el.querySelector('.out-json-string')?.textContent).toBe(JSON.stringify(hostile));
  });

  it('opens the first levels of a JSON tree and collapses deeper ones', () => {
    const el = show({ kind: 'json', value: { config: { units: 4, inner: { a: 1 } } }, truncated: false });
    const nodes = [...el.querySelectorAll('details')];
    expect(nodes.map((d) => d.hasAttribute('open'))).toEqual([true, true, false]);
    expect(text(nodes[0]!.querySelector('summary')!)).toBe('{ 1 key }');
    expect(text(nodes[1]!.querySelector('summary')!)).toBe('config: { 2 keys }');
  });

  it('ends a truncated JSON value with "…"', () => {
    const el = show({ kind: 'json', value: [1, 2, 3], truncated: true });
    expect(el.querySelector('[data-truncated]')?.textContent).toBe('… (truncated)');
  });

  it('stops at the node budget even for a huge array', () => {
    const value = Array.from({ length: 10_000 }, (_, i) => i);
    const el = show({ kind: 'json', value, truncated: false });
    expect(el.querySelectorAll('.out-json-leaf').length).toBeLessThan(2_001);
    expect(el.querySelector('[data-truncated]')).not.toBeNull();
  });

  it('shows numbers, booleans, null and undefined as inline code', () => {
    expect(show({ kind: 'number', value: -0 }).querySelector('code')?.textContent).toBe('-0');
    expect(show({ kind: 'boolean', value: false }).querySelector('code')?.textContent).toBe('false');
    expect(show({ kind: 'null' }).querySelector('code')?.textContent).toBe('null');
    expect(show({ kind: 'undefined' }).querySelector('code')?.textContent).toBe('undefined');
  });

  it('shows a function as its source text', () => {
    const el = show({ kind: 'function', source: '(x) => tf.mul(x, 2)' });
    expect(el.querySelector('pre')?.textContent).toBe('(x) => tf.mul(x, 2)');
    expect(text(el)).toContain('Function');
  });
});
