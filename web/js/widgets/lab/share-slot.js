// The "Share" button (web/js/share.js, from the embedding work) for the lab and the playground.
// It is mounted only when the embedding table (web/embed/widgets.js) knows the widget's name, so
// the page never shows a share button that cannot produce a snippet.
import { mountShareButton } from '../../kit/share.js';
import { widgetByName } from '../../kit/embed/widgets.js';

/** Mount the share button in `slot` for widget `name`; returns {destroy()} (a no-op if unavailable). */
export function mountShare(slot, name, getState, lang) {
  if (!widgetByName(name)) return { destroy() {}, available: false };
  const share = mountShareButton(slot, { widget: name, getState, lang });
  return { destroy: () => share.destroy(), available: true };
}
