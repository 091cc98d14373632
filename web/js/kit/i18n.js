// Locale files and the translator. Every user-visible string lives in web/locales/: the shell's and
// the stepper's in <lang>.json, each further area in its own <area>/<lang>.json (so one area's
// strings can be edited without touching another's). A key must be defined in exactly one file.
// The production build merges a language's files into one (one request instead of eight).
import { LOCALES_MERGED, siteUrl } from './site.js';

export const LANGUAGES = ['en', 'zh-CN'];
export const LOCALE_AREAS = ['embed', 'lab', 'chapters', 'exercises', 'scratch', 'playground', 'further'];
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

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.json();
}

/** The locale files of one language, relative to the site's root: the shell's first, then one per area. */
export function localeFiles(code) {
  return [`locales/${code}.json`, ...LOCALE_AREAS.map((area) => `locales/${area}/${code}.json`)];
}

/** The URLs the page fetches for one language: its files, or the one file the build merged them into. */
export function localeUrls(code) {
  return LOCALES_MERGED ? [siteUrl(`locales/merged/${code}.json`)] : localeFiles(code).map(siteUrl);
}

/** One dictionary from a language's files ({name, strings} each); a key defined twice is an error. */
export function mergeLocaleFiles(code, files) {
  const dictionary = {};
  for (const { name, strings } of files) {
    for (const [key, value] of Object.entries(strings)) {
      if (key in dictionary) throw new Error(`locale ${code}: key "${key}" defined twice (again in ${name})`);
      dictionary[key] = value;
    }
  }
  return dictionary;
}

/** Fetch (once) the dictionary of one language: all its files merged. */
export function loadLocale(lang) {
  const code = LANGUAGES.includes(lang) ? lang : 'en';
  if (!cache.has(code)) {
    const urls = localeUrls(code);
    cache.set(code, Promise.all(urls.map(fetchJson))
      .then((parts) => mergeLocaleFiles(code, parts.map((strings, k) => ({ name: urls[k], strings })))));
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
