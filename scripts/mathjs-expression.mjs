// The entry of web/vendor/mathjs/expression.mjs (built by scripts/vendor.mjs): only math.js's
// expression parser and the functions a learner's formula may use, with plain numbers, so the
// bundle is ~150 KB (44 KB gzipped) instead of the whole library. Exercises load it on demand.
// math.js compiles an expression into closures (no eval, no new Function): the page's CSP holds.
import {
  create, parseDependencies, addDependencies, subtractDependencies, multiplyDependencies, divideDependencies,
  powDependencies, unaryMinusDependencies, unaryPlusDependencies, expDependencies, logDependencies, sqrtDependencies,
  tanhDependencies, sinhDependencies, coshDependencies, absDependencies, maxDependencies, minDependencies,
  erfDependencies, piDependencies, eDependencies,
} from 'mathjs/number';

const math = create({
  parseDependencies, addDependencies, subtractDependencies, multiplyDependencies, divideDependencies,
  powDependencies, unaryMinusDependencies, unaryPlusDependencies, expDependencies, logDependencies, sqrtDependencies,
  tanhDependencies, sinhDependencies, coshDependencies, absDependencies, maxDependencies, minDependencies,
  erfDependencies, piDependencies, eDependencies,
});

export const parse = math.parse;
