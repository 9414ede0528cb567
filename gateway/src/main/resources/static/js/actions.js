import { api, query } from './api.js';
import { clear, field, h, select, uid } from './dom.js';
import { ACTION_TYPES, day, label, notice, PRIORITIES, statusChip, submitting } from './ui.js';

/** What the matrix adds to an action's line for its status. */
const STATUS_NOTES = { CANCELLED: ' · cancelled' };

export async function loadActions(caseId, signal) {
  const { data } = await api.get(`/api/tasks${query({ caseId, size: 100 })}`, { signal });
  return data;
}

/** Who adopted, declined or is working on each action of the case: one row per action, one column per country. */
export function assignmentMatrix(context, actions) {
  if (!actions.items.length) {
    return h('p', { class: 'empty' }, 'No coordinated actions on this case yet.');
  }
  const countries = [...new Set(actions.items.flatMap((action) => action.assignments.map((item) => item.country)))]
    .sort();
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Assignment matrix' },
    h('table', { class: 'matrix' },
      h('caption', {}, 'Assignments by country'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Action'),
        countries.map((country) => h('th', { scope: 'col', title: context.countryName(country) }, country)))),
      h('tbody', {}, actions.items.map((action) => h('tr', {},
        h('th', { scope: 'row' },
          h('a', { href: `/tasks/${encodeURIComponent(action.id)}` }, action.title),
          h('span', { class: 'sub' }, `${label(action.type)} · due ${day(action.dueDate)} · ${label(action.priority)}`,
            STATUS_NOTES[action.status] || '')),
        countries.map((country) => {
          const assignment = action.assignments.find((item) => item.country === country);
          if (!assignment) {
            return h('td', { class: 'none' }, h('span', { class: 'visually-hidden' }, 'not addressed'), '—');
          }
          return h('td', { 'data-country': country, 'data-status': assignment.status },
            statusChip(assignment.status, assignment.overdue),
            assignment.reason ? h('span', { class: 'reason' }, assignment.reason) : null,
            assignment.assignee ? h('span', { class: 'sub' }, `Assignee: ${assignment.assignee}`) : null);
        }))))));
}

function endOfDay(date) {
  return date ? `${date}T23:59:59Z` : '';
}

function inDays(days) {
  const date = new Date(Date.now() + days * 86400000);
  return date.toISOString().substring(0, 10);
}

export function proposeForm(context, theCase, onProposed) {
  const outlet = h('div', { 'aria-live': 'polite' });
  const legendId = uid('countries');
  const boxes = context.countries.members.map((member) => {
    const box = h('input', { type: 'checkbox', name: 'countries', value: member.code, id: uid('country') });
    return h('label', { class: 'check', for: box.id }, box, ` ${member.name} (${member.code})`);
  });
  const form = h('form', { class: 'propose', novalidate: true },
    field('Type', select('type', ACTION_TYPES.map((value) => [value, label(value)]), 'SANCTIONS_DESIGNATION')),
    field('Title', h('input', { name: 'title', required: true, maxlength: 200 })),
    field('Description', h('textarea', { name: 'description', rows: 3, maxlength: 10000 })),
    h('div', { class: 'row' },
      field('Due date', h('input', { type: 'date', name: 'dueDate', required: true, value: inDays(14), min: inDays(1) })),
      field('Priority', select('priority', PRIORITIES.map((value) => [value, label(value)]), 'NORMAL'))),
    h('fieldset', { class: 'countries-choice', 'aria-labelledby': legendId },
      h('legend', { id: legendId }, 'Addressed to'), h('div', { class: 'checks' }, boxes)),
    outlet,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Propose action')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = {
      caseId: theCase.id,
      type: data.get('type'),
      title: String(data.get('title') || '').trim(),
      dueDate: endOfDay(data.get('dueDate')),
      priority: data.get('priority'),
      countries: data.getAll('countries'),
    };
    const description = String(data.get('description') || '').trim();
    if (description) {
      body.description = description;
    }
    try {
      const { data: action } = await submitting(form, outlet, () => api.post('/api/tasks', body));
      form.reset();
      clear(outlet, notice(`Proposed to ${action.assignments.map((item) => item.country).join(', ')}.`));
      onProposed(action);
    } catch (error) {
      // shown by submitting()
    }
  });
  return form;
}

