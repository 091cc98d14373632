// Chinese punctuation in the zh-CN locale files, in Node (no browser needed). Chinese prose uses
// full-width punctuation: ，：；（）？！. ASCII , : ; ( ) ? ! stay only where they belong to a formula,
// a number, a citation or code — never directly next to a Chinese character (and , : ; ? ! never next
// to Chinese punctuation either) — and a bracket pair is either ASCII or full-width, never one of each.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repo } from './helpers.mjs';

const HAN = /\p{Script=Han}/u;
// Chinese punctuation: the CJK block (。、「」…), full-width forms (，：；（）？！) and curly quotes.
const CJK_PUNCT = /[\u3000-\u303f\uff00-\uffef“”‘’]/u;
const OPEN = { '(': ')', '（': '）' };
const CLOSE = { ')': '(', '）': '（' };

/** Every web/locales/**\/zh-CN.json file. */
function zhFiles(dir = path.join(repo, 'web', 'locales')) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return zhFiles(full);
    return entry.name === 'zh-CN.json' ? [full] : [];
  });
}

// TeX ($…$, \(…\)) and placeholders ({name}) are not prose: each becomes one neutral Latin letter,
// so that what surrounds them is still checked but nothing inside them is.
export function prose(text) {
  return text.replace(/\$[^$]*\$/g, 'x').replace(/\\\(.*?\\\)/g, 'x').replace(/\{[A-Za-z0-9_]+\}/g, 'x');
}

/** The problems in one Chinese string: a list of short descriptions (empty when it is fine). */
export function punctuationProblems(text) {
  const s = [...prose(text)];
  const problems = [];
  const around = (i) => s.slice(Math.max(0, i - 6), i + 7).join('');
  s.forEach((ch, i) => {
    if (!',:;()?!'.includes(ch)) return;
    const before = s[i - 1] ?? '';
    const after = s[i + 1] ?? '';
    const mark = ch !== '(' && ch !== ')';
    if (HAN.test(before) || HAN.test(after)) problems.push(`ASCII “${ch}” next to a Chinese character: “${around(i)}”`);
    else if (mark && (CJK_PUNCT.test(before) || CJK_PUNCT.test(after))) problems.push(`ASCII “${ch}” next to Chinese punctuation: “${around(i)}”`);
    else if (mark && i === s.length - 1 && HAN.test(text)) problems.push(`ASCII “${ch}” ends the string: “${around(i)}”`);
  });
  // Bracket pairs: the same kind on both sides, and an ASCII pair holds no Chinese (that is prose).
  const stack = [];
  s.forEach((ch, i) => {
    if (OPEN[ch]) stack.push({ ch, i });
    else if (CLOSE[ch]) {
      const open = stack.pop();
      if (!open) return;
      if (OPEN[open.ch] !== ch) problems.push(`“${open.ch}” closed by “${ch}”: “${around(i)}”`);
      else if (ch === ')' && s.slice(open.i + 1, i).some((c) => HAN.test(c))) {
        problems.push(`ASCII brackets around Chinese text: “${s.slice(open.i, i + 1).join('')}”`);
      }
    }
  });
  return problems;
}

test('the rule itself: what it catches and what it lets through', () => {
  for (const bad of ['最大也只有 0.25,所以', '结构:{shape}', '第 {n} 层(输出)', 'Xavier(均匀分布)',
    '乘上 f′(z)({sec_stepper}）；', '（Mac 上按 ⌘C)。', '(梯度 ∂L/∂(·) 从损失出发)', '请刷新页面;如果', '该点的导数 f′(z):',
    '损失会怎么变?反向传播', '“输出减目标”:sigmoid', '（在 z = 0 处）,|z| 越大']) {
    assert.notDeepEqual(punctuationProblems(bad), [], `should be caught: ${bad}`);
  }
  for (const good of ['σ′(z) = σ(z)(1 − σ(z)) 最大也只有 0.25，所以', '压到 (0, 1) 之间', 'tanh(y)，而是 tanh(y/2)',
    '权重取自 N(0, 0.01²)：', '例如“8, 8”。', 'PReLU(α)', '第 {n} 层（输出）', '(¼)^深度 上界',
    'He, K., Zhang, X. (2015). arXiv:1502.01852。', '在 $f(x)=1,x>0$ 时', '用 \\(a,b\\) 表示',
    '{name}′(y)，即导数', '原文：(1 − e^(−y)) / (1 + e^(−y))', '链接 #stepper?v=1&x=1']) {
    assert.deepEqual(punctuationProblems(good), [], `should pass: ${good}`);
  }
});

test('zh-CN strings use full-width punctuation in Chinese prose', () => {
  const files = zhFiles();
  assert.ok(files.length >= 4, `expected the shell's and every area's zh-CN.json, found ${files.length}`);
  const problems = [];
  for (const file of files) {
    const strings = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const [key, value] of Object.entries(strings)) {
      if (typeof value !== 'string') continue;
      for (const problem of punctuationProblems(value)) problems.push(`${path.relative(repo, file)} ${key}: ${problem}`);
    }
  }
  assert.deepEqual(problems, [], `${problems.length} punctuation problems:\n${problems.join('\n')}`);
});

// One Chinese term per concept: a network's unit is 神经元 and a unit that never activates is 坏死
// (as in the chapters and the lab). 单元 stays only in the names of other things: 代码单元 (a scratch
// cell), 门控单元 and 线性单元 (GLU, GELU, SiLU: the literature's names).
const OTHER_UNITS = /代码单元|门控单元|线性单元/g;
export function termProblems(text) {
  const problems = [];
  if (text.replace(OTHER_UNITS, '').includes('单元')) problems.push('单元 for a neuron (the term is 神经元)');
  if (/死亡|死掉|(?<!坏)死(了|单元|神经元)/.test(text)) problems.push('死亡/死掉 for a dead unit (the term is 坏死)');
  return problems;
}

test('zh-CN strings use one term per concept: 神经元, 坏死', () => {
  assert.deepEqual(termProblems('隐藏单元死亡'), ['单元 for a neuron (the term is 神经元)', '死亡/死掉 for a dead unit (the term is 坏死)']);
  assert.deepEqual(termProblems('代码单元“坏死神经元与学习率”，门控线性单元，死循环'), []);
  const problems = [];
  for (const file of zhFiles()) {
    for (const [key, value] of Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')))) {
      if (typeof value !== 'string') continue;
      for (const problem of termProblems(value)) problems.push(`${path.relative(repo, file)} ${key}: ${problem}: ${value.slice(0, 60)}`);
    }
  }
  assert.deepEqual(problems, [], `${problems.length} strings:\n${problems.join('\n')}`);
});
