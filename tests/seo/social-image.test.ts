/** The social card's text: a description too long for its lines ends the way print would end it. */
import { describe, expect, it } from 'vitest';
import { wrap } from '../../src/seo/social-image';

describe('social card text', () => {
  const long =
    'Comment Keras et TensorFlow.js indiquent à une couche si elle s’entraîne, pourquoi une couche Lambda peut elle aussi recevoir l’information, et en quoi une couche personnalisée reste supérieure.';

  it('keeps a text that fits as it is, on as many lines as it needs', () => {
    expect(wrap('Entraînement / inférence', 40, true, 1000, 2)).toEqual(['Entraînement / inférence']);
  });

  it('ends a text that does not fit with an ellipsis on the last word kept, with no space or comma before it', () => {
    const lines = wrap(long, 30, false, 500, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/\p{L}…$/u);
    expect(long.replace(/\s+/g, ' ')).toContain(`${lines.join(' ').slice(0, -1)}`);
  });
});
