// The one hook by which a chapter gets scratch cells (widgets/scratch/): a chapter's registry of
// prepared cells (chapters/cells/<chapter>.js) goes through here, and its definition becomes one with
// the cells appended after its blocks and each cell's code in the chapter's part of the URL hash:
//
//   export default defineChapter(withScratchCells({ id, codec, blocks, … }, CELLS));
//
// A cell's key (≤ 8 lowercase letters, e.g. `calpha`) is its hash key; the value is the change from
// the prepared text (kit/state/scratch-codec.js), and a cell left at its prepared text is not in the
// hash at all.
import { h } from '../kit/dom.js';
import { HashError } from '../kit/state/hash.js';
import { encodeCell, decodeCell, validateCode } from '../kit/state/scratch-codec.js';
import { mountScratch } from '../widgets/scratch/index.js';
import { figure } from './common.js';
import { chapterCodec, codecOf } from './state.js';

function cellCodec(base, cells) {
  const keys = cells.map((cell) => cell.key);
  const split = (state) => {
    const rest = { ...state };
    for (const key of keys) delete rest[key];
    return rest;
  };
  return {
    defaults: () => ({ ...base.defaults(), ...Object.fromEntries(cells.map((cell) => [cell.key, cell.code])) }),
    validate(candidate) {
      if (candidate === null || typeof candidate !== 'object') throw new HashError('type', 'state');
      const codes = cells.map((cell) => [
        cell.key,
        candidate[cell.key] === undefined ? cell.code : validateCode(candidate[cell.key], cell.key),
      ]);
      return { ...base.validate(split(candidate)), ...Object.fromEntries(codes) };
    },
    decode(params) {
      const rest = new Map([...params].filter(([key]) => !keys.includes(key)));
      const codes = cells.map((cell) => [
        cell.key,
        params.has(cell.key) ? decodeCell(cell.code, params.get(cell.key), cell.key) : cell.code,
      ]);
      return { ...base.decode(rest), ...Object.fromEntries(codes) };
    },
    encode(state) {
      const entries = base.encode(split(state));
      for (const cell of cells) {
        const code = state[cell.key];
        if (code === undefined || code === cell.code) continue;
        const value = encodeCell(cell.code, code);
        if (value !== null) entries.push([cell.key, value]);
      }
      return entries;
    },
  };
}

function cellFigure(cell) {
  return figure((host, ctx) => {
    const root = h('div', { class: 'chapter-widget' });
    host.append(root);
    const widget = mountScratch(root, {
      lang: ctx.lang,
      cell,
      initialState: { code: ctx.state[cell.key] },
      onStateChange: ({ code }) => ctx.update({ [cell.key]: code }),
      onInvalidState: ctx.onInvalidState,
    });
    ctx.onState((state) => widget.setState({ code: state[cell.key] }));
    return { ready: widget.ready, setLang: (lang) => widget.setLang(lang), widget };
  });
}

/** The chapter definition with `cells` after its blocks and their code in its hash part. */
export function withScratchCells(definition, cells) {
  const { state, ...rest } = definition;
  return {
    ...rest,
    codec: cellCodec(codecOf(definition) || chapterCodec({}), cells),
    blocks: (ctx) => [...definition.blocks(ctx), ...cells.map(cellFigure)],
  };
}
