// The example article's own script (a tutorial author would write something like it, or nothing:
// the embeds work without it). It shows the article in the language of ?lang=, passes that language
// to the embedded widgets. The frames fit their content through ../embed/frames.js, linked by the page.
const LANGS = ['en', 'zh-CN'];
const requested = new URLSearchParams(window.location.search).get('lang');
const lang = LANGS.includes(requested) ? requested : 'en';

document.documentElement.lang = lang;
document.title = lang === 'zh-CN' ? '神经网络为什么需要激活函数：示例文章' : 'Why a network needs activation functions: an example article';
for (const link of document.querySelectorAll('[data-switch-lang]')) {
  if (link.dataset.switchLang === lang) link.setAttribute('aria-current', 'page');
}

// The custom elements take the language as an attribute…
for (const element of document.querySelectorAll('body *')) {
  if (element.tagName.startsWith('ACTLAB-')) element.setAttribute('lang', lang);
}

// …and the iframes in their address.
const frames = [...document.querySelectorAll('iframe[data-actlab-frame]')];
for (const frame of frames) {
  const url = new URL(frame.getAttribute('src'), window.location.href);
  if (url.searchParams.get('lang') !== lang) {
    url.searchParams.set('lang', lang);
    frame.src = url.href;
  }
  frame.title = (lang === 'zh-CN' ? frame.dataset.titleZhCn : frame.dataset.titleEn) || frame.title;
}
