// Scores Earshot's evaluation set with the vaderSentiment project's JavaScript port of VADER, with the
// same metrics as sentiment-service's EvaluationReportTest, so SCORING.md can set Earshot beside the
// reference implementation rather than only beside its own VADER mode.
// Run: npm ci --prefix benchmarks/vader-reference && node benchmarks/vader-reference/evaluate.js
'use strict';
const fs = require('fs');
const path = require('path');
const vader = require('vader-sentiment');

const tsv = path.join(__dirname, '..', '..', 'sentiment-service', 'src', 'test', 'resources', 'evaluation', 'earshot-eval.tsv');
const items = [];
let header = true;
for (const line of fs.readFileSync(tsv, 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  if (header) { header = false; continue; }
  const [id, split, category, gold, complaint, text] = line.split('\t');
  items.push({id: +id, split, category, gold: +gold, text});
}

const sign = (x) => (x > 0 ? 1 : x < 0 ? -1 : 0);
function metrics(subset, band) {
  let correct = 0;
  const tp = [0, 0, 0], fp = [0, 0, 0], fn = [0, 0, 0];
  for (const it of subset) {
    const p = it.score >= band ? 1 : it.score <= -band ? -1 : 0;
    const g = sign(it.gold);
    if (p === g) correct++;
    for (let c = -1; c <= 1; c++) {
      if (g === c && p === c) tp[c + 1]++;
      else if (p === c) fp[c + 1]++;
      else if (g === c) fn[c + 1]++;
    }
  }
  let f1 = 0, present = 0;
  for (let c = 0; c < 3; c++) {
    if (tp[c] + fp[c] + fn[c] === 0) continue;
    present++;
    f1 += tp[c] === 0 ? 0 : (2 * tp[c]) / (2 * tp[c] + fp[c] + fn[c]);
  }
  const n = subset.length;
  const mx = subset.reduce((a, b) => a + b.score, 0) / n;
  const my = subset.reduce((a, b) => a + b.gold, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (const it of subset) {
    sxy += (it.score - mx) * (it.gold - my);
    sxx += (it.score - mx) ** 2;
    syy += (it.gold - my) ** 2;
  }
  return {n, accuracy: correct / n, macroF1: f1 / present, pearson: sxy / Math.sqrt(sxx * syy)};
}

for (const it of items) it.score = vader.SentimentIntensityAnalyzer.polarity_scores(it.text).compound;

const subsets = [['all', items], ['dev half', items.filter((i) => i.split === 'dev')], ['test half', items.filter((i) => i.split === 'test')]];
for (const c of [...new Set(items.map((i) => i.category))]) subsets.push([c, items.filter((i) => i.category === c)]);
const f = (x) => x.toFixed(3);
console.log(`VADER reference (vader-sentiment ${require('vader-sentiment/package.json').version}, JavaScript port), label thresholds ±0.05 as VADER documents:\n`);
console.log('| scorer | subset | n | accuracy | macro-F1 | Pearson r |');
console.log('|---|---|---:|---:|---:|---:|');
for (const [name, subset] of subsets) {
  const m = metrics(subset, 0.05);
  console.log(`| VADER reference | ${name} | ${m.n} | ${f(m.accuracy)} | ${f(m.macroF1)} | ${f(m.pearson)} |`);
}
const wide = metrics(items, 0.10);
console.log(`\nWith Earshot's ±0.10 neutral band instead: all accuracy ${f(wide.accuracy)}, macro-F1 ${f(wide.macroF1)}.`);

const texts = items.map((i) => i.text);
let rounds = 0;
const start = process.hrtime.bigint();
while (process.hrtime.bigint() - start < 3_000_000_000n) {
  for (const t of texts) vader.SentimentIntensityAnalyzer.polarity_scores(t);
  rounds++;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`Speed of this port on these sentences: ${Math.round((rounds * texts.length) / seconds)} texts/s on one thread.`);
