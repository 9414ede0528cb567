import { api } from './api.js';
import { clear, field, h, select, svg } from './dom.js';
import { day, label, notice, RISK_LEVELS, riskBadge, submitting, when } from './ui.js';

/** The UN Framework of Analysis for Atrocity Crimes (2014): the 14 risk factors, by their names there. */
export const RISK_FACTORS = [
  ['RF1', 'Situations of armed conflict or other forms of instability'],
  ['RF2', 'Record of serious violations of international human rights and humanitarian law'],
  ['RF3', 'Weakness of State structures'],
  ['RF4', 'Motives or incentives'],
  ['RF5', 'Capacity to commit atrocity crimes'],
  ['RF6', 'Absence of mitigating factors'],
  ['RF7', 'Enabling circumstances or preparatory action'],
  ['RF8', 'Triggering factors'],
  ['RF9', 'Intergroup tensions or patterns of discrimination against protected groups'],
  ['RF10', 'Signs of an intent to destroy in whole or in part a protected group'],
  ['RF11', 'Signs of a widespread or systematic attack against any civilian population'],
  ['RF12', 'Signs of a plan or policy to attack any civilian population'],
  ['RF13', 'Serious threats to those protected under international humanitarian law'],
  ['RF14', 'Serious threats to humanitarian or peacekeeping operations'],
];

const SCORES = [['0', '0 — absent'], ['1', '1 — low'], ['2', '2 — significant'], ['3', '3 — severe']];

/** The risk level of each assessment over time, oldest on the left; drawn here so no library is needed. */
export function riskChart(assessments) {
  const history = [...assessments].sort((a, b) => new Date(a.assessedAt) - new Date(b.assessedAt));
  const titleId = `risk-chart-title-${Math.random().toString(36).slice(2)}`;
  const descId = `${titleId}-desc`;
  if (!history.length) {
    return h('p', { class: 'empty' }, 'No risk assessment yet: the chart appears with the first one.');
  }
  const width = 640;
  const height = 220;
  const left = 96;
  const right = 24;
  const top = 16;
  const bottom = 40;
  const band = (height - top - bottom) / RISK_LEVELS.length;
  const y = (level) => top + band * (RISK_LEVELS.length - 1 - RISK_LEVELS.indexOf(level)) + band / 2;
  const step = history.length > 1 ? (width - left - right) / (history.length - 1) : 0;
  const x = (index) => (history.length > 1 ? left + step * index : left + (width - left - right) / 2);
  const points = history.map((item, index) => [x(index), y(item.riskLevel)]);
  const labelEvery = Math.max(1, Math.ceil(history.length / 6));
  const days = history.map((item) => day(item.assessedAt));
  // assessments of a single day are told apart by their time
  const tick = new Set(days).size === days.length ? (item) => day(item.assessedAt)
    : (item) => `${day(item.assessedAt)} ${new Date(item.assessedAt).toISOString().substring(11, 16)}`;
  const anchor = (index) => (history.length === 1 ? 'middle' : index === 0 ? 'start' : index === history.length - 1
    ? 'end' : 'middle');

  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`, class: 'risk-chart', role: 'img', 'aria-labelledby': `${titleId} ${descId}`,
  },
  svg('title', { id: titleId }, 'Risk level over time'),
  svg('desc', { id: descId }, history.map((item) => `${day(item.assessedAt)}: ${label(item.riskLevel)}`).join('; ')),
  RISK_LEVELS.map((level, index) => svg('g', {},
    svg('rect', {
      x: left, y: top + band * (RISK_LEVELS.length - 1 - index), width: width - left - right, height: band,
      class: `band band-${level.toLowerCase()}`,
    }),
    svg('text', { x: left - 8, y: y(level) + 4, 'text-anchor': 'end', class: 'axis' }, label(level)))),
  points.length > 1 ? svg('polyline', { points: points.map((point) => point.join(',')).join(' '), class: 'trend' })
    : null,
  history.map((item, index) => svg('circle', {
    cx: points[index][0], cy: points[index][1], r: 6, class: `dot dot-${item.riskLevel.toLowerCase()}`,
  }, svg('title', {}, `${when(item.assessedAt)}: ${label(item.riskLevel)} (${item.weightedScore}/${item.maxWeightedScore})`))),
  history.map((item, index) => (index % labelEvery === 0 || index === history.length - 1
    ? svg('text', { x: x(index), y: height - 14, 'text-anchor': anchor(index), class: 'axis' }, tick(item))
    : null)));
  return h('figure', { class: 'chart' }, chart,
    h('figcaption', {}, `Risk level over ${history.length} assessment${history.length === 1 ? '' : 's'}`));
}

export async function loadAssessments(caseId, signal) {
  const { data } = await api.get(`/api/cases/${encodeURIComponent(caseId)}/assessments`, { signal });
  return Array.isArray(data) ? data : data.items || [];
}

/** The form scores all 14 factors; it starts from the newest assessment so a reassessment changes what moved. */
export function riskForm(caseId, latest, onSaved) {
  const outlet = h('div', { 'aria-live': 'polite' });
  const factors = RISK_FACTORS.map(([code, name]) => {
    const previous = latest && latest.factors && latest.factors[code];
    const score = select(`score-${code}`, SCORES, previous ? String(previous.score) : '0');
    const note = h('textarea', { name: `note-${code}`, rows: 2, maxlength: 2000, required: true },
      previous ? previous.note : '');
    return {
      code,
      element: h('fieldset', { class: 'factor' },
        h('legend', {}, `${code.replace('RF', 'Risk factor ')}: ${name}`),
        h('div', { class: 'factor-fields' }, field('Score', score), field('Note', note))),
      value: () => ({ score: Number.parseInt(score.value, 10), note: note.value.trim() }),
    };
  });
  const form = h('form', { class: 'risk-form', novalidate: true },
    h('p', { class: 'hint' }, 'Score each factor from 0 (absent) to 3 (severe) and say why. The service derives the level.'),
    factors.map((factor) => factor.element),
    outlet,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Record assessment')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { factors: Object.fromEntries(factors.map((factor) => [factor.code, factor.value()])) };
    try {
      const { data } = await submitting(form, outlet, () => api.post(
        `/api/cases/${encodeURIComponent(caseId)}/assessments`, body));
      clear(outlet, notice(`Assessment recorded: ${label(data.riskLevel)}${data.escalated ? ' — the case was escalated' : ''}.`));
      onSaved(data);
    } catch (error) {
      // shown by submitting()
    }
  });
  return form;
}

export function assessmentHistory(assessments) {
  if (!assessments.length) {
    return h('p', { class: 'empty' }, 'No assessments yet.');
  }
  return h('table', { class: 'history' },
    h('caption', {}, 'Assessments, newest first'),
    h('thead', {}, h('tr', {}, ['When', 'By', 'Level', 'Weighted score'].map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, assessments.map((item) => h('tr', {},
      h('td', { 'data-label': 'When' }, when(item.assessedAt)),
      h('td', { 'data-label': 'By' }, `${item.assessedBy} (${item.assessedByCountry})`),
      h('td', { 'data-label': 'Level' }, riskBadge(item.riskLevel)),
      h('td', { 'data-label': 'Weighted score' }, `${item.weightedScore} / ${item.maxWeightedScore}`)))));
}

