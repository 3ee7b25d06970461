/** Theme switching: the effective theme is the saved choice, else the system's. */
type Theme = 'light' | 'dark';

const query = matchMedia('(prefers-color-scheme: dark)');

function current(): Theme {
  const set = document.documentElement.dataset.theme;
  if (set === 'light' || set === 'dark') return set;
  return query.matches ? 'dark' : 'light';
}

export function initThemeToggle(): void {
  // The label follows data-theme and the system through CSS: nothing to paint here.
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.addEventListener('click', () => {
      const next: Theme = current() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset.theme = next;
      try {
        localStorage.setItem('theme', next);
      } catch {
        // Storage refused (private mode): the choice lasts for this page only.
      }
    });
  }
}
