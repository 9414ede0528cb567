import { api } from '../api.js';
import { clear, field, h } from '../dom.js';
import { day, label, loading, notice, problem, section, statusChip, submitting, when } from '../ui.js';

/** How each move an assignment may offer is sent and named; which of them it offers is the service's answer. */
const MOVES = {
  ACCEPT: { to: 'ACCEPTED', text: 'Accept' },
  DECLINE: { to: 'DECLINED', text: 'Decline', reason: true },
  START: { to: 'IN_PROGRESS', text: 'Start work' },
  BLOCK: { to: 'BLOCKED', text: 'Report blocked', reason: true },
  DONE: { to: 'DONE', text: 'Mark done' },
};

export async function taskView(context, id) {
  const { view, signal } = context;
  clear(view, loading('Loading the action…'));
  let action;
  try {
    action = (await api.get(`/api/tasks/${encodeURIComponent(id)}`, { signal })).data;
  } catch (error) {
    if (error.status === 404) {
      document.title = 'Action not found · Accord';
      clear(view, h('h1', {}, 'Action not found'),
        h('p', { class: 'not-found' }, 'This action was not found. It may not exist, or your country cannot see it.'),
        h('p', {}, h('a', { href: '/cases' }, 'Back to the cases')));
      return;
    }
    throw error;
  }
  show(context, action);
}

function show(context, action) {
  const { view } = context;
  document.title = `${action.title} · Accord`;
  const can = new Set(action.allowedOperations || []);
  const actionable = action.assignments.filter((item) => (item.allowedOperations || []).length);
  const update = (next) => show(context, next);
  clear(view,
    h('p', { class: 'crumbs' }, h('a', { href: '/cases' }, 'Cases'), ' › ',
      h('a', { href: `/cases/${encodeURIComponent(action.caseId)}` }, 'The case')),
    h('h1', {}, action.title),
    h('p', { class: 'badges' }, h('span', { class: 'chip' }, label(action.type)),
      statusChip(action.status, action.overdue)),
    section('About this action',
      action.description ? h('p', { class: 'summary' }, action.description) : null,
      h('dl', { class: 'facts' },
        h('dt', {}, 'Requested by'), h('dd', {}, context.countryName(action.requestingCountry)),
        h('dt', {}, 'Due'), h('dd', {}, day(action.dueDate)),
        h('dt', {}, 'Priority'), h('dd', {}, label(action.priority)),
        h('dt', {}, 'Proposed'), h('dd', {}, `${when(action.createdAt)} by ${action.createdBy}`)),
      action.cancellation ? problem({
        title: 'This action was cancelled', detail: `${action.cancellation.reason} (${action.cancellation.by})`,
      }) : null),
    section('Assignments', assignments(context, action)),
    actionable.map((item) => section(`Your country's assignment (${item.country})`,
      ownAssignment(action, item, update))),
    section('Comments', comments(action, can.has('COMMENT'), update)));
}

function assignments(context, action) {
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Assignments by country' },
    h('table', { class: 'assignments' },
      h('thead', {}, h('tr', {}, ['Country', 'Status', 'Reason', 'Assignee', 'Last change']
        .map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, action.assignments.map((item) => h('tr', { 'data-country': item.country, 'data-status': item.status },
        h('th', { scope: 'row' }, `${context.countryName(item.country)} (${item.country})`),
        h('td', { 'data-label': 'Status' }, statusChip(item.status, item.overdue)),
        h('td', { 'data-label': 'Reason' }, item.reason || '—'),
        h('td', { 'data-label': 'Assignee' }, item.assignee || '—'),
        h('td', { 'data-label': 'Last change' }, item.updatedBy ? `${when(item.updatedAt)} by ${item.updatedBy}` : '—'))))));
}

function ownAssignment(action, own, update) {
  const base = `/api/tasks/${encodeURIComponent(action.id)}/assignments/${encodeURIComponent(own.country)}`;
  const outlet = h('div', { 'aria-live': 'polite' });
  const offered = own.allowedOperations || [];
  const moves = offered.filter((operation) => MOVES[operation]).map((operation) => MOVES[operation]);
  const reason = h('textarea', { name: 'reason', rows: 2, maxlength: 2000 });
  const form = h('form', { class: 'transition', novalidate: true },
    moves.some((move) => move.reason)
      ? field('Reason', reason, 'Required to decline or to report a block.') : null,
    h('div', { class: 'form-actions' }, moves.map((move) => h('button', {
      type: 'submit', value: move.to, class: move.reason ? 'danger' : 'primary',
    }, move.text))),
    outlet);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const to = event.submitter ? event.submitter.value : moves[0].to;
    const body = { to };
    if (moves.some((move) => move.to === to && move.reason)) {
      body.reason = reason.value.trim();
    }
    try {
      const { data } = await submitting(form, outlet, () => api.post(`${base}/transitions`, body));
      update(data);
      document.getElementById('view').focus();
    } catch (error) {
      // shown by submitting()
    }
  });
  const parts = [
    h('p', {}, 'Status: ', statusChip(own.status, own.overdue)),
    moves.length ? form : notice('No move of this assignment is open to you.'),
  ];
  if (offered.includes('ASSIGN')) {
    parts.push(assigneeForm(base, own, update));
  }
  if (own.history && own.history.length) {
    parts.push(h('h3', {}, 'History'), h('ol', { class: 'history-list' }, own.history.map((step) => h('li', {},
      `${when(step.at)}: ${label(step.from)} → ${label(step.to)} by ${step.by}`, step.reason ? ` — ${step.reason}` : ''))));
  }
  return parts;
}

function assigneeForm(base, own, update) {
  const outlet = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'assignee inline-form', novalidate: true },
    field('Assign to (username)', h('input', { name: 'username', maxlength: 255, value: own.assignee || '', autocomplete: 'off' }),
      'The alliance username (the national username @ your country code, e.g. us-officer@us) of someone of your '
        + 'country who has signed in to Accord at least once.'),
    h('button', { type: 'submit' }, 'Assign'), outlet);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const username = form.elements.username.value.trim();
    try {
      const { data } = await submitting(form, outlet, () => api.put(`${base}/assignee`, { username }));
      update(data);
    } catch (error) {
      // shown by submitting()
    }
  });
  return form;
}

function comments(action, canComment, update) {
  const list = action.comments && action.comments.length
    ? h('ol', { class: 'comments' }, action.comments.map((comment) => h('li', {},
      h('p', { class: 'entry-head' }, `${comment.author} (${comment.country}) · `, h('time', { datetime: comment.at }, when(comment.at))),
      h('p', { class: 'entry-text' }, comment.text))))
    : h('p', { class: 'empty' }, 'No comments yet.');
  if (!canComment) {
    return list;
  }
  const outlet = h('div', { 'aria-live': 'polite' });
  const text = h('textarea', { name: 'text', rows: 3, maxlength: 4000, required: true });
  const form = h('form', { class: 'comment-form', novalidate: true }, field('Your comment', text), outlet,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Add comment')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await submitting(form, outlet, () => api.post(`/api/tasks/${encodeURIComponent(action.id)}/comments`,
        { text: text.value.trim() }));
      update((await api.get(`/api/tasks/${encodeURIComponent(action.id)}`)).data);
    } catch (error) {
      // shown by submitting()
    }
  });
  return [list, form];
}
