import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/locales';
import { strings, translator } from '../../src/i18n/translate';

describe('translator', () => {
  it('writes a duration one way, wherever the site says it', () => {
    expect(translator('en').duration(1534)).toBe('1.5\u00a0s');
    expect(translator('fr').duration(1534)).toBe('1,5\u00a0s');
    expect(translator('en').duration(42.4)).toBe('42\u00a0ms');
    // The status line and the footer both say it with the same words around the same figure.
    const en = translator('en');
    expect(en.t('snippet.ranWith', { backend: 'cpu', duration: en.duration(1534) })).toContain('1.5\u00a0s');
    expect(en.t('output.ran', { backend: 'cpu', duration: en.duration(1534) })).toContain('1.5\u00a0s');
  });

  it('chooses plural forms by the language’s rules, with the count in its format', () => {
    expect(translator('en').plural('output.leaked', 1)).toBe('1 tensor still allocated after the run');
    expect(translator('en').plural('output.leaked', 1234)).toBe('1,234 tensors still allocated after the run');
    // French: 0 and 1 are singular.
    expect(translator('fr').plural('output.leaked', 0)).toBe('0 tenseur encore alloué après l’exécution');
    expect(translator('fr').plural('output.leaked', 1234)).toBe('1\u202f234 tenseurs encore alloués après l’exécution');
  });

  it('fills placeholders as text, and leaves unknown ones visible', () => {
    expect(translator('en').t('output.location', { line: 3, column: '<b>' })).toBe('line 3, column <b>');
  });

  it('has every key in every language, and no empty string', () => {
    const keys = Object.keys(strings.en).sort();
    for (const lang of LANGS) {
      expect(Object.keys(strings[lang]).sort()).toEqual(keys);
      expect(Object.entries(strings[lang]).filter(([, v]) => v.trim() === '')).toEqual([]);
    }
  });
});
