import { it } from 'vitest';
import { runSnippetFile, runSnippetCode } from '../helpers/run-snippet';
import { parseSnippet } from '../../src/snippet/source';
import { readFileSync, writeFileSync } from 'node:fs';
import type { ShownData } from '../../src/snippet/protocol';

function fmt(d: ShownData): string {
  if (d.kind === 'tensor') return `tensor ${JSON.stringify(d.shape)} ${JSON.stringify(d.values)}`;
  if (d.kind === 'layer') return `layer ${d.name} (${d.className}) built=${d.built} out=${JSON.stringify(d.outputShape)} tp=${d.trainableParams} ntp=${d.nonTrainableParams} weights=${d.weights.map(w=>`${w.name}${JSON.stringify(w.shape)}${w.trainable?'T':'N'}=${JSON.stringify(w.values.values)}`).join('; ')}`;
  if (d.kind === 'model') return `model ${d.name} tp=${d.trainableParams} ntp=${d.nonTrainableParams}\n    ` + d.layers.map(l=>fmt(l)).join('\n    ');
  if (d.kind === 'json') return 'json ' + JSON.stringify(d.value);
  if (d.kind === 'text') return 'text ' + d.text;
  if (d.kind === 'number') return 'number ' + d.value;
  return JSON.stringify(d);
}
const ids = (process.env.SNIP ?? '').split(',').filter(Boolean);
const lang = (process.env.LANG_ ?? 'en') as 'en' | 'fr';
it('scratch', async () => {
  let out = '';
  for (const id of ids) {
    const r = id.startsWith('/') ? await runSnippetCode(parseSnippet('x', readFileSync(id, 'utf8'), lang).code, {timeoutMs: 20000}) : await runSnippetFile(id, lang);
    out += `=== ${id} (${lang})\n`;
    for (const e of r.events) {
      if (e.type === 'show') out += `  show [${e.label}] ${fmt(e.data)}\n`;
      else if (e.type === 'log') out += `  log.${e.level} ${e.text}\n`;
      else if (e.type === 'error') out += `  ERROR ${e.error.name}: ${e.error.message} @${JSON.stringify(e.error.location)}\n`;
      else if (e.type === 'fit-epoch') { if (e.epoch === 0 || e.epoch === e.epochs - 1) out += `  epoch ${e.epoch}/${e.epochs} ${JSON.stringify(e.logs)}\n`; }
      else if (e.type === 'done') out += `  done ${JSON.stringify(e)}\n`;
    }
  }
  writeFileSync('/tmp/scratch/out.txt', out);
}, 120000);
