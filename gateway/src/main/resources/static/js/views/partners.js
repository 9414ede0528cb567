import { api, query } from '../api.js';
import { clear, field, h, select, uid } from '../dom.js';
import { splitList } from '../sharing.js';
import { EVENT_TYPES, label, loading, notice, problem, submitting, when } from '../ui.js';

/**
 * A country's partner inbox: where its systems and people hear of events, and what reached them. What the caller may
 * do with it is the notifications service's answer; to anybody who may not manage it, it does not exist.
 */
export async function partnersView(context) {
  const { view, signal } = context;
  const country = context.me.country;
  document.title = 'Partner inbox · Accord';
  clear(view, h('h1', {}, `Partner inbox: ${context.countryName(country)}`), loading('Loading the settings…'));
  let settings;
  try {
    settings = (await api.get(`/api/partners/${country}`, { signal })).data;
  } catch (error) {
    clear(view, h('h1', {}, 'Partner inbox'), error.status === 404
      ? problem({ title: 'Only your country\'s liaison staff manage its partner inbox.' })
      : problem(error));
    return;
  }
  const can = new Set(settings.allowedOperations || []);
  const secretSlot = h('div', { 'aria-live': 'polite' });
  const deliveries = h('div', {}, loading('Loading the delivery log…'));
  clear(view,
    h('h1', {}, `Partner inbox: ${context.countryName(country)}`),
    h('section', { class: 'panel', 'aria-labelledby': 'settings-title' },
      h('h2', { id: 'settings-title' }, 'Delivery settings'), settingsForm(country, settings, can.has('UPDATE'))),
    h('section', { class: 'panel', 'aria-labelledby': 'secret-title' },
      h('h2', { id: 'secret-title' }, 'Webhook signing secret'),
      h('p', {}, settings.webhookSecretSet
        ? `A secret is set (last rotated ${when(settings.webhookSecretRotatedAt)}).`
        : 'No secret yet: webhooks are sent only once a secret is set.'),
      can.has('ROTATE_SECRET') ? rotateButton(country, secretSlot) : null, secretSlot),
    can.has('READ_DELIVERIES') ? h('section', { class: 'panel', 'aria-labelledby': 'log-title' },
      h('h2', { id: 'log-title' }, 'Delivery log'), deliveries) : null);
  if (can.has('READ_DELIVERIES')) {
    await deliveryLog(country, deliveries, '', signal);
  }
}

function settingsForm(country, settings, editable) {
  const outlet = h('div', { 'aria-live': 'polite' });
  const legendId = uid('events');
  const chosen = new Set(settings.events || []);
  const events = EVENT_TYPES.map((type) => {
    const box = h('input', { type: 'checkbox', name: 'events', value: type, checked: chosen.has(type), id: uid('event') });
    return h('label', { class: 'check', for: box.id }, box, ` ${type}`);
  });
  const form = h('form', { class: 'partner-form', novalidate: true },
    field('E-mail addresses', h('textarea', { name: 'emails', rows: 2 }, (settings.emails || []).join(', ')),
      'Up to 20 addresses, separated by commas.'),
    field('Webhook URL', h('input', { type: 'url', name: 'webhookUrl', value: settings.webhookUrl || '', maxlength: 2000 }),
      'An https address of your country\'s system; leave empty for e-mail only.'),
    h('fieldset', { 'aria-labelledby': legendId },
      h('legend', { id: legendId }, 'Events to deliver'), h('div', { class: 'checks' }, events)),
    field('Delivery mode', select('deliveryMode', [['IMMEDIATE', 'Immediately'], ['HOURLY_DIGEST', 'Hourly digest']],
      settings.deliveryMode || 'IMMEDIATE')),
    outlet,
    editable ? h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save settings'))
      : null,
    h('p', { class: 'sub' }, settings.updatedBy ? `Last saved ${when(settings.updatedAt)} by ${settings.updatedBy}` : ''));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = {
      emails: splitList(String(data.get('emails') || '')),
      events: data.getAll('events'),
      deliveryMode: data.get('deliveryMode'),
    };
    const webhookUrl = String(data.get('webhookUrl') || '').trim();
    if (webhookUrl) {
      body.webhookUrl = webhookUrl;
    }
    try {
      const { data: saved } = await submitting(form, outlet, () => api.put(`/api/partners/${country}`, body));
      clear(outlet, notice(`Settings saved at ${when(saved.updatedAt)}.`));
    } catch (error) {
      // shown by submitting()
    }
  });
  return form;
}

function rotateButton(country, slot) {
  const button = h('button', { type: 'button' }, 'Generate a new secret');
  button.addEventListener('click', async () => {
    button.disabled = true;
    clear(slot, loading('Generating…'));
    try {
      const { data } = await api.post(`/api/partners/${country}/webhook-secret`);
      const secretId = uid('secret');
      clear(slot, h('div', { class: 'secret', role: 'alert' },
        h('p', { class: 'problem-title' }, 'Copy this secret now: it is shown only once.'),
        h('label', { for: secretId }, 'New webhook secret'),
        h('input', { id: secretId, readonly: true, value: data.secret, class: 'mono' }),
        h('p', { class: 'sub' }, `Webhooks are signed with it from ${when(data.rotatedAt)}.`)));
    } catch (error) {
      clear(slot, problem(error));
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

async function deliveryLog(country, slot, status, signal) {
  const filter = select('status', [['', 'All'], ['PENDING', 'Pending'], ['FAILED', 'Failed'], ['PARKED', 'Parked'],
    ['DELIVERED', 'Delivered'], ['WITHDRAWN', 'Withdrawn']], status);
  filter.addEventListener('change', () => deliveryLog(country, slot, filter.value));
  const results = h('div', { 'aria-live': 'polite' }, loading('Loading the delivery log…'));
  clear(slot, h('div', { class: 'inline-form' }, field('Show', filter)), results);
  let data;
  try {
    data = (await api.get(`/api/partners/${country}/deliveries${query({ status, size: 50 })}`, { signal })).data;
  } catch (error) {
    if (error.name !== 'AbortError') {
      clear(results, problem(error, h('p', {}, 'The delivery log could not be shown; the settings above still work.')));
    }
    return;
  }
  const items = Array.isArray(data) ? data : (data && data.items) || [];
  if (!items.length) {
    clear(results, h('p', { class: 'empty' }, 'No deliveries yet.'));
    return;
  }
  clear(results, h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Deliveries' },
    h('table', { class: 'deliveries' },
      h('caption', {}, `${data.totalItems ?? items.length} deliveries, newest first`),
      h('thead', {}, h('tr', {}, ['Event', 'Channel', 'Status', 'Attempts', 'Last attempt', 'Outcome', 'Redrive']
        .map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, items.map((item) => deliveryRow(country, item, () => deliveryLog(country, slot, status)))))));
}

function deliveryRow(country, item, reload) {
  const outlet = h('span', { 'aria-live': 'polite' });
  const canRedrive = (item.allowedOperations || []).includes('REDRIVE');
  const button = canRedrive ? h('button', { type: 'button', class: 'small' }, 'Redrive') : null;
  if (button) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await api.post(`/api/partners/${country}/deliveries/${encodeURIComponent(item.id)}/redrive`);
        reload();
      } catch (error) {
        button.disabled = false;
        outlet.replaceChildren(problem(error));
      }
    });
  }
  const attempts = item.attempts || {};
  const withdrawnLines = item.withdrawnLines || [];
  return h('tr', { 'data-status': item.status || '' },
    h('td', { 'data-label': 'Event' }, item.eventType || '—',
      item.taskId ? h('a', { class: 'sub', href: `/tasks/${encodeURIComponent(item.taskId)}` }, 'the action')
        : item.caseId ? h('a', { class: 'sub', href: `/cases/${encodeURIComponent(item.caseId)}` }, 'the case') : null),
    h('td', { 'data-label': 'Channel' }, label(item.channel)),
    h('td', { 'data-label': 'Status' }, label(item.status),
      item.nextAttemptAt ? h('span', { class: 'sub' }, `next try ${when(item.nextAttemptAt)}`) : null,
      item.redrivenAt ? h('span', { class: 'sub' }, `redriven ${when(item.redrivenAt)} by ${item.redrivenBy}`) : null,
      item.withdrawnAt ? h('span', { class: 'sub withdrawn' },
        `withdrawn ${when(item.withdrawnAt)}: ${item.withdrawnBecause || '—'}`) : null,
      withdrawnLines.length ? h('span', { class: 'sub withdrawn-lines' }, `${withdrawnLines.length} `
        + `${withdrawnLines.length === 1 ? 'event' : 'events'} left out: `
        + [...new Set(withdrawnLines.map((line) => line.because))].join('; ')) : null),
    h('td', { 'data-label': 'Attempts' }, attempts.count ?? '—'),
    h('td', { 'data-label': 'Last attempt' }, attempts.lastAttemptAt ? when(attempts.lastAttemptAt)
      : when(item.deliveredAt || item.createdAt)),
    h('td', { 'data-label': 'Outcome' }, attempts.lastDetail || '—'),
    h('td', {}, button, outlet));
}
