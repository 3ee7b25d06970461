import { describe, expect, it } from 'vitest';
import { parseSnippet } from '../../src/snippet/source';

const RAW = `// @expect-error Unknown layer
// @timeout 20000
// @en Build the layer.
// @fr Construire la couche.
const y = f(x);
  // @en indented note
  // @fr note indentée
show(y, '⟦output|sortie⟧');

`;

describe('snippet sources', () => {
  it('keeps the English lines and inline text on English pages', () => {
    const s = parseSnippet('a', RAW, 'en');
    expect(s.code).toBe("// Build the layer.\nconst y = f(x);\n  // indented note\nshow(y, 'output');");
    expect(s.expectError).toBe('Unknown layer');
    expect(s.timeoutMs).toBe(20000);
  });
  it('keeps the French ones on French pages', () => {
    const s = parseSnippet('a', RAW, 'fr');
    expect(s.code).toBe("// Construire la couche.\nconst y = f(x);\n  // note indentée\nshow(y, 'sortie');");
  });
  it('defaults to no expected error and a 10 s limit', () => {
    const s = parseSnippet('b', 'show(1);', 'en');
    expect(s.expectError).toBeNull();
    expect(s.timeoutMs).toBe(10_000);
  });
  it('rejects a nonsense time limit', () => {
    expect(() => parseSnippet('c', '// @timeout soon\nshow(1)', 'en')).toThrow(/timeout/);
  });
});
