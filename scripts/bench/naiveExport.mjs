// The simplest export a user would write from the Omi documentation, to compare the extension with: a fetch loop with
// the documented default page size (25), every item kept in memory, then one JSON file like the extension's.
//   OMI_API_URL=… OMI_API_KEY=… node scripts/bench/naiveExport.mjs memories|conversations OUT.json
import * as fs from 'node:fs';

const [kind, out] = process.argv.slice(2);
const base = process.env.OMI_API_URL ?? 'https://api.omi.me/v1/dev';
const headers = { Authorization: `Bearer ${process.env.OMI_API_KEY}` };
const extra = kind === 'conversations' ? '&include_transcript=true' : '';

const items = [];
for (let offset = 0; ; offset += 25) {
  const response = await fetch(`${base}/user/${kind}?limit=25&offset=${offset}${extra}`, { headers });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  const page = await response.json();
  if (page.length === 0) break;
  items.push(...page);
}
const document = { kind, exportedAt: new Date().toISOString(), source: base, filters: {}, count: items.length, items };
fs.writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
