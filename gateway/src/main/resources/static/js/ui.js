import { h } from './dom.js';

export const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'];
export const STATUSES = ['MONITORING', 'ESCALATING', 'ACTIVE_RESPONSE', 'STABILIZED', 'CLOSED'];
export const RISK_LEVELS = ['LOW', 'MODERATE', 'HIGH', 'CRITICAL'];
export const ACTION_TYPES = ['SANCTIONS_DESIGNATION', 'DIPLOMATIC_DEMARCHE', 'EVIDENCE_PRESERVATION',
  'HUMANITARIAN_ACCESS', 'CIVILIAN_PROTECTION', 'LEGAL_REFERRAL', 'PUBLIC_STATEMENT', 'OTHER'];
export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
export const EVENT_TYPES = ['CaseShared', 'CaseUpdated', 'CaseEscalated', 'EntryAdded', 'ActionProposed',
  'ActionUpdated', 'ActionCancelled', 'AssignmentChanged', 'AssigneeSet', 'CommentAdded', 'ActionOverdue'];

/** Labels written otherwise than their enum value, in their standard form. */
const WRITTEN = { AMBER_STRICT: 'AMBER+STRICT' };

/** Enum values as people read them: ACTIVE_RESPONSE → Active response, AMBER_STRICT → AMBER+STRICT. */
export function label(value) {
  if (value === undefined || value === null || value === '') {
    return '—';
  }
  if (WRITTEN[value]) {
    return WRITTEN[value];
  }
  const text = String(value).toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.substring(1);
}

export function tlpBadge(tlp) {
  return h('span', { class: ['tlp', `tlp-${String(tlp).toLowerCase().replace('_', '-')}`] },
    `TLP:${WRITTEN[tlp] || tlp}`);
}

export function riskBadge(level) {
  return h('span', { class: ['risk', `risk-${String(level || 'none').toLowerCase()}`] },
    level ? label(level) : 'Not assessed');
}

export function statusChip(status, overdue) {
  return h('span', { class: ['chip', `chip-${String(status).toLowerCase().replace(/_/g, '-')}`] },
    label(status), overdue ? h('span', { class: 'overdue' }, ' · overdue') : null);
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC',
});
const dateOnly = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

export function when(instant) {
  if (!instant) {
    return '—';
  }
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? String(instant) : `${dateTime.format(date)} UTC`;
}

export function day(instant) {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? String(instant) : dateOnly.format(date);
}

export function time(instant, text) {
  return h('time', { datetime: instant || '' }, text || when(instant));
}

/** A problem as a person reads it: what went wrong, why, and which fields to fix. */
export function problem(error, extra) {
  const box = h('div', { class: 'problem', role: 'alert' },
    h('p', { class: 'problem-title' }, error.title || error.message || 'Something went wrong'));
  if (error.detail) {
    box.append(h('p', {}, error.detail));
  }
  if (error.errors && error.errors.length) {
    box.append(h('ul', { class: 'field-errors' },
      error.errors.map((item) => h('li', {}, h('strong', {}, item.field || 'request'), ': ', item.message || ''))));
  }
  if (error.countries && error.countries.length) {
    box.append(h('p', {}, `Countries concerned: ${error.countries.join(', ')}`));
  }
  if (extra) {
    box.append(extra);
  }
  return box;
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

export function notice(text) {
  return h('p', { class: 'notice', role: 'status' }, text);
}

/** Shows the outcome of a form's call right under it, and keeps the button disabled while the call runs. */
export async function submitting(form, outlet, work) {
  const buttons = form.querySelectorAll('button');
  buttons.forEach((button) => { button.disabled = true; });
  outlet.replaceChildren(loading('Saving…'));
  try {
    const result = await work();
    outlet.replaceChildren();
    return result;
  } catch (error) {
    outlet.replaceChildren(problem(error));
    throw error;
  } finally {
    buttons.forEach((button) => { button.disabled = false; });
  }
}

export function section(title, ...children) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), children);
}
