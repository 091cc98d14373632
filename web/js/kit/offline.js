// No network needs after load: once the notebook is ready, fetch (in the background) what it could
// still ask for later, so a reader who goes offline can keep working: the other language's strings
// (a language switch) and KaTeX's fonts (a formula may use a font no formula used yet). Everything
// comes from the page's own origin. `later`: loaders of code the page imports only when needed
// (the exercises' widget and formula parser). Sets data-offline-ready on <body> when done.
import { LANGUAGES, loadLocale } from './i18n.js';

export async function warmOfflineCache(currentLang, { later = [] } = {}) {
  const locales = LANGUAGES.filter((lang) => lang !== currentLang).map((lang) => loadLocale(lang));
  const fonts = [...document.fonts].filter((face) => face.family.replace(/"/g, '').startsWith('KaTeX_') && face.status === 'unloaded')
    .map((face) => face.load());
  await Promise.allSettled([...locales, ...fonts, ...later.map((load) => load())]);
  document.body.dataset.offlineReady = 'true';
}
