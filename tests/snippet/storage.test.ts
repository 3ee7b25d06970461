import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashCode } from '../../src/snippet/source';
import { createSaver, editKey, getStorage, loadEdit, pageKey, saveEdit } from '../../src/snippet/storage';

/** localStorage as the browser has it: string keys and values, in insertion order. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

/** A full quota, as in private mode on some browsers: reads work, writes throw. */
class FullStorage extends MemoryStorage {
  override setItem(): void {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
}

const ORIGINAL = 'show(tf.scalar(1));';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('keys', () => {
  it('hashes the original code into a short stable token that changes with the code', () => {
    expect(hashCode(ORIGINAL)).toBe(hashCode(ORIGINAL));
    expect(hashCode(ORIGINAL)).toMatch(/^[0-9a-z]{1,7}$/);
    expect(hashCode(ORIGINAL)).not.toBe(hashCode(`${ORIGINAL} `));
  });

  it('treats /en/state, /en/state/ and /en/state/index.html as one page', () => {
    expect(pageKey('/en/state')).toBe('/en/state/');
    expect(pageKey('/en/state/')).toBe('/en/state/');
    expect(pageKey('/en/state/index.html')).toBe('/en/state/');
  });

  it('keys an edit by page, snippet and original', () => {
    const key = editKey('/en/state/', 'state-lambda', 'abc');
    expect(key).toContain('/en/state/');
    expect(key).toContain('state-lambda');
    expect(key).not.toBe(editKey('/fr/state/', 'state-lambda', 'abc'));
    expect(key).not.toBe(editKey('/en/state/', 'state-layer', 'abc'));
    expect(key).not.toBe(editKey('/en/state/', 'state-lambda', 'abd'));
  });
});

describe('saving and restoring an edit', () => {
  it('restores what was saved for the same original', () => {
    const storage = new MemoryStorage();
    const key = editKey('/en/state/', 'a', hashCode(ORIGINAL));
    expect(saveEdit(storage, key, '// mine', ORIGINAL)).toBe(true);
    expect(loadEdit(storage, '/en/state/', 'a', hashCode(ORIGINAL))).toBe('// mine');
  });

  it('forgets the edit when the code is back to the original', () => {
    const storage = new MemoryStorage();
    const key = editKey('/en/state/', 'a', hashCode(ORIGINAL));
    saveEdit(storage, key, '// mine', ORIGINAL);
    saveEdit(storage, key, ORIGINAL, ORIGINAL);
    expect(storage.length).toBe(0);
    expect(loadEdit(storage, '/en/state/', 'a', hashCode(ORIGINAL))).toBeNull();
  });

  it('discards a save made against an older original, and only that one', () => {
    const storage = new MemoryStorage();
    saveEdit(storage, editKey('/en/state/', 'a', hashCode('old code')), '// edit of old code', 'old code');
    saveEdit(storage, editKey('/en/state/', 'b', hashCode('old code')), '// other snippet', 'old code');
    saveEdit(storage, editKey('/fr/state/', 'a', hashCode('old code')), '// other page', 'old code');
    expect(loadEdit(storage, '/en/state/', 'a', hashCode(ORIGINAL))).toBeNull();
    expect(storage.length).toBe(2);
    expect(loadEdit(storage, '/en/state/', 'b', hashCode('old code'))).toBe('// other snippet');
    expect(loadEdit(storage, '/fr/state/', 'a', hashCode('old code'))).toBe('// other page');
  });

  it('debounces saves: one write after the reader pauses', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const setItem = vi.spyOn(storage, 'setItem');
    const key = editKey('/en/state/', 'a', hashCode(ORIGINAL));
    const saver = createSaver({ storage, key, original: ORIGINAL, onFailure: () => undefined });
    saver.schedule('s');
    vi.advanceTimersByTime(200);
    saver.schedule('sh');
    vi.advanceTimersByTime(200);
    saver.schedule('sho');
    expect(setItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(storage.getItem(key)).toBe('sho');
  });

  it('writes a pending save at once on flush, and drops it on cancel', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const key = editKey('/en/state/', 'a', hashCode(ORIGINAL));
    const saver = createSaver({ storage, key, original: ORIGINAL, onFailure: () => undefined });
    saver.schedule('flushed');
    saver.flush();
    expect(storage.getItem(key)).toBe('flushed');
    saver.schedule('cancelled');
    saver.cancel();
    vi.advanceTimersByTime(1000);
    expect(storage.getItem(key)).toBe('flushed');
  });
});

describe('when storage fails', () => {
  it('keeps editing going and reports the failure once', () => {
    vi.useFakeTimers();
    const onFailure = vi.fn();
    const saver = createSaver({ storage: new FullStorage(), key: 'k', original: ORIGINAL, onFailure });
    expect(() => {
      saver.schedule('one');
      vi.advanceTimersByTime(400);
      saver.schedule('two');
      saver.flush();
    }).not.toThrow();
    expect(onFailure).toHaveBeenCalledTimes(1);
  });

  it('reports a failure when there is no storage at all (disabled)', () => {
    vi.useFakeTimers();
    const onFailure = vi.fn();
    const saver = createSaver({ storage: null, key: 'k', original: ORIGINAL, onFailure });
    saver.schedule('edit');
    saver.flush();
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(loadEdit(null, '/en/', 'a', 'h')).toBeNull();
  });

  it('gives no storage when touching localStorage throws (sandboxed, cookies blocked)', () => {
    vi.stubGlobal('localStorage', {
      getItem() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(getStorage()).toBeNull();
  });

  it('survives a storage whose reads throw', () => {
    const storage = new MemoryStorage();
    vi.spyOn(storage, 'getItem').mockImplementation(() => {
      throw new Error('broken');
    });
    expect(loadEdit(storage, '/en/', 'a', 'h')).toBeNull();
  });
});
