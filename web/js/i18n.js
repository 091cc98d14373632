// Locale files and the translator. Every user-visible string lives in web/locales/<lang>.json.

export const LANGUAGES = ['en', 'zh-CN'];
const STORAGE_KEY = 'actlab.lang';
const cache = new Map();

/** Map any BCP 47 tag to one of ours: zh* → zh-CN, everything else → en. */
export function normaliseLang(tag) {
  if (typeof tag !== 'string') return null;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return null;
}

/** The remembered choice, else the browser's first supported language, else English. */
export function preferredLang() {
  try {
    const stored = normaliseLang(window.localStorage.getItem(STORAGE_KEY));
    if (stored) return stored;
  } catch { /* storage may be disabled */ }
  for (const tag of navigator.languages || [navigator.language]) {
    const lang = normaliseLang(tag);
    if (lang) return lang;
  }
  return 'en';
}

export function rememberLang(lang) {
  try { window.localStorage.setItem(STORAGE_KEY, lang); } catch { /* storage may be disabled */ }
}

/** Fetch (once) the dictionary of one language. */
export function loadLocale(lang) {
  const code = LANGUAGES.includes(lang) ? lang : 'en';
  if (!cache.has(code)) {
    const url = new URL(`../locales/${code}.json`, import.meta.url);
    cache.set(code, fetch(url).then((response) => {
      if (!response.ok) throw new Error(`locale ${code}: HTTP ${response.status}`);
      return response.json();
    }));
  }
  return cache.get(code);
}

/**
 * t(key, params) → the string with {name} placeholders filled in. A missing key shows as ⟦key⟧
 * so it is visible in screenshots and caught by tests.
 */
export function makeTranslator(lang, dictionary) {
  const t = (key, params) => {
    const template = dictionary[key];
    if (typeof template !== 'string') return `\u27e6${key}\u27e7`;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
  };
  t.lang = lang;
  t.has = (key) => typeof dictionary[key] === 'string';
  return t;
}

export async function translatorFor(lang) {
  const code = LANGUAGES.includes(lang) ? lang : 'en';
  return makeTranslator(code, await loadLocale(code));
}
