import { api, query } from '../api.js';
import { clear, field, formValues, h, select } from '../dom.js';
import { label, loading, problem, RISK_LEVELS, riskBadge, STATUSES, statusChip, TLPS, tlpBadge, when } from '../ui.js';

const SORTS = [
  ['updatedAt,desc', 'Recently updated'],
  ['createdAt,desc', 'Newest first'],
  ['createdAt,asc', 'Oldest first'],
  ['title,asc', 'Title A–Z'],
  ['riskLevel,desc', 'Highest risk first'],
  ['status,asc', 'Status (workflow order)'],
];
const PAGE_SIZE = 20;

function any(values) {
  return [['', 'Any'], ...values.map((value) => [value, label(value)])];
}

export async function casesView(context) {
  const { view, signal } = context;
  const params = new URLSearchParams(window.location.search);
  const filters = {
    status: params.get('status') || '',
    tlp: params.get('tlp') || '',
    riskLevel: params.get('riskLevel') || '',
    situationCountry: params.get('situationCountry') || '',
    q: params.get('q') || '',
    sort: params.get('sort') || 'updatedAt,desc',
  };
  const page = Math.max(0, Number.parseInt(params.get('page') || '0', 10) || 0);
  document.title = 'Cases · Accord';

  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter cases' },
    field('Text', h('input', { type: 'search', name: 'q', value: filters.q, maxlength: 200 })),
    field('Status', select('status', any(STATUSES), filters.status)),
    field('TLP', select('tlp', any(TLPS), filters.tlp)),
    field('Risk level', select('riskLevel', any(RISK_LEVELS), filters.riskLevel)),
    field('Situation country', h('input', {
      name: 'situationCountry', value: filters.situationCountry, maxlength: 2, pattern: '[A-Za-z]{2}',
      placeholder: 'e.g. SD', autocomplete: 'off',
    })),
    field('Sort by', select('sort', SORTS, filters.sort)),
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Apply filters'),
      h('a', { href: '/cases', class: 'button-link' }, 'Clear')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = formValues(form);
    values.situationCountry = (values.situationCountry || '').toUpperCase();
    if (values.sort === 'updatedAt,desc') {
      delete values.sort;
    }
    context.navigate(`/cases${query(values)}`);
  });

  const results = h('div', { class: 'results', 'aria-live': 'polite' }, loading('Loading cases…'));
  const head = h('div', { class: 'page-head' }, h('h1', {}, 'Cases'));
  clear(view, head, form, results);

  try {
    const { data } = await api.get(`/api/cases${query({ ...filters, page, size: PAGE_SIZE })}`, { signal });
    if ((data.allowedOperations || []).includes('OPEN')) {
      head.append(h('a', { href: '/cases/new', class: 'button-link primary' }, 'New case'));
    }
    clear(results, caseTable(data), pager(data, params));
  } catch (error) {
    if (error.name !== 'AbortError') {
      clear(results, problem(error));
    }
  }
}

function caseTable(data) {
  if (!data.items.length) {
    return h('p', { class: 'empty' }, 'No cases match these filters.');
  }
  return h('table', { class: 'cases' },
    h('caption', {}, `${data.totalItems} case${data.totalItems === 1 ? '' : 's'}`),
    h('thead', {}, h('tr', {},
      ['Title', 'TLP', 'Status', 'Risk', 'Situation', 'Origin', 'Updated'].map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, data.items.map((item) => h('tr', {},
      h('td', { 'data-label': 'Title' }, h('a', { href: `/cases/${encodeURIComponent(item.id)}` }, item.title)),
      h('td', { 'data-label': 'TLP' }, tlpBadge(item.tlp)),
      h('td', { 'data-label': 'Status' }, statusChip(item.status)),
      h('td', { 'data-label': 'Risk' }, riskBadge(item.riskLevel)),
      h('td', { 'data-label': 'Situation' }, item.situationCountry),
      h('td', { 'data-label': 'Origin' }, item.originCountry),
      h('td', { 'data-label': 'Updated' }, when(item.updatedAt))))));
}

function pager(data, params) {
  const pages = Math.max(1, Math.ceil(data.totalItems / data.size));
  const link = (page, text, rel) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    return h('a', { href: `/cases?${next}`, rel, class: 'button-link' }, text);
  };
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    data.page > 0 ? link(data.page - 1, 'Previous page', 'prev') : null,
    h('span', {}, `Page ${data.page + 1} of ${pages}`),
    data.page + 1 < pages ? link(data.page + 1, 'Next page', 'next') : null);
}
