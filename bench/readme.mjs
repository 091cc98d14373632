// Writes a generated table into bench/README.md between `<!-- name:start -->` and `<!-- name:end -->`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const readme = path.join(path.dirname(fileURLToPath(import.meta.url)), 'README.md');

/** Replaces the section's text; false (and nothing written) when the markers are missing. */
export function updateReadmeSection(name, text) {
  const all = fs.readFileSync(readme, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const a = all.indexOf(start);
  const b = all.indexOf(`<!-- ${name}:end -->`);
  if (a < 0 || b < a) return false;
  fs.writeFileSync(readme, `${all.slice(0, a + start.length)}\n${text}\n${all.slice(b)}`);
  return true;
}
