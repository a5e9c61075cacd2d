/** Obsidian's free functions and the `Platform` flags, each as the real one behaves (or as documented below). */

/**
 * https://docs.obsidian.md/Reference/TypeScript+API/normalizePath — as Obsidian does it: runs of `/` and `\`
 * become one `/`, leading and trailing slashes go (an empty result is `/`, the root), non-breaking spaces
 * (U+00A0, U+202F) become plain spaces, and the string is put in Unicode NFC. It does not reject `..`.
 */
export function normalizePath(path: string): string {
  let p = path.replace(/[\\/]+/g, '/').replace(/^\/+|\/+$/g, '');
  if (p === '') p = '/';
  return p.replace(/[\u00A0\u202F]/g, ' ').normalize('NFC');
}

let language = 'en';

/** https://docs.obsidian.md/Reference/TypeScript+API/getLanguage (1.8.7+). "en" unless a test sets it. */
export function getLanguage(): string {
  return language;
}

/** Mock only: the language `getLanguage` reports ("en", "zh", "zh-TW", …). */
export function setMockLanguage(code: string): void {
  language = code;
}

const DESKTOP = {
  isDesktop: true,
  isMobile: false,
  isDesktopApp: true,
  isMobileApp: false,
  isIosApp: false,
  isAndroidApp: false,
  isPhone: false,
  isTablet: false,
  isMacOS: false,
  isWin: false,
  isLinux: true,
  isSafari: false,
};

/** https://docs.obsidian.md/Reference/TypeScript+API/Platform — a desktop app unless a test calls `setMockPlatform`. */
export const Platform = { ...DESKTOP };

/** Mock only: switch to the phone app ("mobile") or back to the desktop app. */
export function setMockPlatform(kind: 'desktop' | 'mobile'): void {
  Object.assign(Platform, DESKTOP);
  if (kind === 'mobile') {
    Object.assign(Platform, { isDesktop: false, isDesktopApp: false, isMobile: true, isMobileApp: true, isPhone: true, isLinux: false, isAndroidApp: true });
  }
}

/** https://docs.obsidian.md/Reference/TypeScript+API/Debouncer */
export interface Debouncer<T extends unknown[], V> {
  (...args: [...T]): Debouncer<T, V>;
  cancel(): Debouncer<T, V>;
  run(): V | void;
}

/**
 * https://docs.obsidian.md/Reference/TypeScript+API/debounce — runs `cb` `timeout` ms after the first call
 * (after the last call when `resetTimer` is true) with the latest arguments; timers are `window.setTimeout`,
 * so jest's fake timers drive it.
 */
export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
  let timer: number | null = null;
  let lastArgs: [...T] | null = null;
  const fire = (): V | void => {
    timer = null;
    if (!lastArgs) return;
    const args = lastArgs;
    lastArgs = null;
    return cb(...args);
  };
  const debounced = ((...args: [...T]) => {
    lastArgs = args;
    if (timer !== null && resetTimer) {
      window.clearTimeout(timer);
      timer = null;
    }
    if (timer === null) timer = window.setTimeout(fire, timeout);
    return debounced;
  }) as Debouncer<T, V>;
  debounced.cancel = () => {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
    lastArgs = null;
    return debounced;
  };
  debounced.run = () => {
    if (timer !== null) window.clearTimeout(timer);
    return fire();
  };
  return debounced;
}
