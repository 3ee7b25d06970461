/** Theme switching: the effective theme is the saved choice, else the system's. */
type Theme = 'light' | 'dark';

const query = matchMedia('(prefers-color-scheme: dark)');

function current(): Theme {
  const set = document.documentElement.dataset.theme;
  if (set === 'light' || set === 'dark') return set;
  return query.matches ? 'dark' : 'light';
}

export function initThemeToggle(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    const text = button.querySelector('.theme-toggle__text');
    const paint = () => {
      const theme = current();
      if (text) text.textContent = button.dataset[theme === 'dark' ? 'labelDark' : 'labelLight'] ?? '';
    };
    button.hidden = false; // useless without JavaScript, so it only appears with it
    button.addEventListener('click', () => {
      const next: Theme = current() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset.theme = next;
      try {
        localStorage.setItem('theme', next);
      } catch {
        // Storage refused (private mode): the choice lasts for this page only.
      }
      paint();
    });
    query.addEventListener('change', paint);
    paint();
  }
}
