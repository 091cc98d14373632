// Chapter 3: what makes a usable activation function (the article's §1.3, whose list the crawl
// lost; reconstructed in DIGEST.md). Each criterion is checked live by the engine for the
// activation the learner picks.
import { defineChapter, p, list, figure } from './common.js';
import { mountCriteria, CRITERIA_FIELDS } from './figures/criteria.js';
import { criteriaPrediction } from './predictions.js';

export default defineChapter({
  id: 'criteria',
  buildsOn: ['why', 'stepper'],
  sources: ['article.criteria', 'lecun1998', 'glorot2010', 'hendrycks2016'],
  tryThis: { key: 'criteria.try', hash: '#criteria?v=1&act=gelu' },
  state: { fields: CRITERIA_FIELDS },
  blocks: () => [
    p('criteria.p1'),
    list(['criteria.item.nonlinear', 'criteria.item.differentiable', 'criteria.item.cheap', 'criteria.item.monotonic',
      'criteria.item.saturation', 'criteria.item.centred', 'criteria.item.range'], { ordered: true }),
    p('criteria.p2'),
    criteriaPrediction(figure(mountCriteria)),
    p('criteria.p3'),
  ],
});
