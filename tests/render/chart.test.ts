// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createLossChart } from '../../src/snippet/render';

const points = (el: Element, metric: string) =>
  (el.querySelector(`polyline[data-metric="${metric}"]`)?.getAttribute('points') ?? '').split(' ').filter(Boolean);

describe('loss chart', () => {
  it('adds a point per epoch and writes the latest epoch as text', () => {
    const chart = createLossChart('en');
    const el = chart.element;
    expect(el.hasAttribute('data-fit-progress')).toBe(true);
    chart.addEpoch(0, 20, { loss: 0.9, val_loss: 1.1 });
    chart.addEpoch(1, 20, { loss: 0.5, val_loss: 0.7 });
    chart.addEpoch(2, 20, { loss: 0.12344, val_loss: 0.3 });
    expect(el.querySelector('.out-fit-line')?.textContent).toBe('Epoch 3/20 — loss 0.1234, val_loss 0.3');
    expect(points(el, 'loss')).toHaveLength(3);
    expect(points(el, 'val_loss')).toHaveLength(3);
    const svg = el.querySelector('svg')!;
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toContain('loss: 0.9 at epoch 1, 0.1234 at epoch 3');
    expect(svg.getAttribute('aria-label')).toContain('at epoch 3; val_loss: 1.1 at epoch 1');
    // Every figure is also in a table.
    expect(el.querySelectorAll('tbody tr')).toHaveLength(3);
    // The logs' keys are tfjs names, written as code in the line and the table.
    expect([...el.querySelectorAll('.out-fit-line code, thead code')].map((c) => c.textContent)).toEqual([
      'loss',
      'val_loss',
      'loss',
      'val_loss',
    ]);
  });

  it('is localised', () => {
    const chart = createLossChart('fr');
    chart.addEpoch(0, 5, { loss: 1.5, val_loss: 2 });
    expect(chart.element.querySelector('.out-fit-line')?.textContent).toBe('Époque 1/5 — loss 1,5, val_loss 2');
    // French spacing between the series too: a narrow no-break space before the semicolon.
    expect(chart.element.querySelector('svg')?.getAttribute('aria-label')).toContain('1,5 à l’époque 1\u202f; val_loss\u00a0: 2');
  });
});
