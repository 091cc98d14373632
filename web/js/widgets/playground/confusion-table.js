// The confusion matrix on the training points: how many points of each true class (rows) the
// network puts in each class (columns), counted from the engine's outputs (model.js, confusion).
// The diagonal is what it gets right.
import { h } from '../../kit/dom.js';

/** createConfusionTable(t, classes) → {element, update(matrix | null)} */
export function createConfusionTable(t, classes) {
  const cells = Array.from({ length: classes }, () => []);
  const rows = Array.from({ length: classes }, (_, truth) => h('tr', {},
    h('th', { scope: 'row', text: t('pgd.class.name', { k: truth }) }),
    Array.from({ length: classes }, (_, predicted) => {
      const cell = h('td', {
        'data-true': String(truth), 'data-predicted': String(predicted), class: truth === predicted ? 'pg-diagonal' : '',
      });
      cells[truth].push(cell);
      return cell;
    })));
  const element = h('div', { class: 'table-scroll pg-confusion', tabindex: '0', role: 'region', 'aria-label': t('pgd.confusion.caption') },
    h('table', { class: 'pg-confusion-table', 'data-role': 'confusion' },
      h('caption', { text: t('pgd.confusion.caption') }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', text: t('pgd.confusion.corner') }),
        Array.from({ length: classes }, (_, k) => h('th', { scope: 'col', text: t('pgd.class.name', { k }) })))),
      h('tbody', {}, rows)));
  return {
    element,
    update(matrix) {
      cells.forEach((row, truth) => row.forEach((cell, predicted) => {
        const text = matrix ? String(matrix[truth][predicted]) : '\u2014';
        if (cell.textContent !== text) cell.textContent = text;
      }));
    },
  };
}
