// Chapter 1: why a network needs activation functions (the article's §1.1, figures 1–7). The
// linear-stack widget: a stack of linear maps is always a straight line; with an activation after
// every map, the same stack bends.
import { h } from '../kit/dom.js';
import { defineChapter, p, tex, figure } from './common.js';
import { mountLinearStack } from '../widgets/linear-stack/index.js';
import { decodeLinearStackParams, encodeLinearStackParams } from '../kit/state/linear-stack-codec.js';
import { defaultLinearStackState, validateLinearStackState } from '../kit/state/linear-stack-schema.js';
import { whyPrediction } from './predictions.js';

const codec = {
  defaults: defaultLinearStackState,
  validate: validateLinearStackState,
  decode: decodeLinearStackParams,
  encode: encodeLinearStackParams,
};

export default defineChapter({
  id: 'why',
  buildsOn: ['about'],
  sources: ['article.why', 'goodfellow2016'],
  tryThis: { key: 'why.try', hash: '#why?v=1&n=2&w=1.5,-0.8&b=-1,1&on=1&act=relu&r=3' },
  codec,
  blocks: () => [
    p('why.p1'),
    tex('y_1 = w_1 x + b_1'),
    p('why.p2'),
    tex('y_2 = w_2\\,(w_1 x + b_1) + b_2 = (w_2 w_1)\\,x + (w_2 b_1 + b_2)'),
    p('why.p3'),
    whyPrediction(figure((host, ctx) => {
      const root = h('div', { class: 'chapter-widget' });
      host.append(root);
      const widget = mountLinearStack(root, {
        lang: ctx.lang,
        initialState: ctx.state,
        onStateChange: (state) => ctx.update(state),
        onInvalidState: ctx.onInvalidState,
      });
      ctx.onState((state) => widget.setState(state));
      return { ready: widget.ready, setLang: (lang) => widget.setLang(lang) };
    })),
    p('why.p4'),
    tex('o = f(y) = f(w x + b)'),
    p('why.p5'),
  ],
});
