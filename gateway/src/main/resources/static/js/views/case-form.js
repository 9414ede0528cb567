import { api, query } from '../api.js';
import { clear, field, formValues, h, select } from '../dom.js';
import { sharingEditor, splitList } from '../sharing.js';
import { label, loading, problem, STATUSES, submitting, TLPS } from '../ui.js';

/** The changes the edit form makes, as the case answers them. */
const EDIT_OPERATIONS = ['UPDATE', 'RELABEL', 'CLOSE', 'REOPEN'];

/**
 * Creates a case, or edits one (with {@code id}), as far as the service's answer allows; an edit sends the version it
 * started from and says so on 412.
 */
export async function caseFormView(context, id) {
  const { view, signal } = context;
  const editing = Boolean(id);
  document.title = `${editing ? 'Edit case' : 'New case'} · Accord`;
  clear(view, h('h1', {}, editing ? 'Edit case' : 'New case'), loading());
  let theCase = null;
  let etag = '';
  let can;
  try {
    if (editing) {
      const answer = await api.get(`/api/cases/${encodeURIComponent(id)}`, { signal });
      theCase = answer.data;
      etag = answer.etag;
      can = new Set(theCase.allowedOperations || []);
    } else {
      // The case list says whether the caller may open a case.
      can = new Set((await api.get(`/api/cases${query({ size: 1 })}`, { signal })).data.allowedOperations || []);
    }
  } catch (error) {
    clear(view, h('h1', {}, editing ? 'Edit case' : 'New case'), problem(error));
    return;
  }
  if (editing ? !EDIT_OPERATIONS.some((operation) => can.has(operation)) : !can.has('OPEN')) {
    clear(view, h('h1', {}, editing ? 'Edit case' : 'New case'),
      problem({ title: editing ? 'You may not change this case.' : 'You may not open cases.' }));
    return;
  }
  const relabels = editing && can.has('RELABEL');
  // Closing is offered to those who may close, and to those who may reopen (the case is closed now).
  const statuses = STATUSES.filter((value) => value !== 'CLOSED' || can.has('CLOSE') || can.has('REOPEN'));
  const values = theCase || {};
  const sharing = editing ? null : sharingEditor(context, { tlp: 'AMBER' });
  const outlet = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'case-form', novalidate: true },
    field('Title', h('input', { name: 'title', required: true, maxlength: 200, value: values.title || '' })),
    field('Summary', h('textarea', { name: 'summary', rows: 6, maxlength: 10000 }, values.summary || '')),
    field('Situation country', h('input', {
      name: 'situationCountry', required: true, maxlength: 2, value: values.situationCountry || '',
      autocomplete: 'off',
    }), 'Where the atrocities happen: a two-letter ISO code such as SD.'),
    editing ? field('Status', select('status', statuses.map((value) => [value, label(value)]), values.status)) : null,
    relabels ? field('TLP label', select('tlp', TLPS.map((value) => [value, label(value)]), values.tlp)) : null,
    field('Tags', h('input', { name: 'tags', value: (values.tags || []).join(', ') }), 'Separated by commas.'),
    sharing ? sharing.element : null,
    outlet,
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'primary' }, editing ? 'Save changes' : 'Open case'),
      h('a', { href: editing ? `/cases/${encodeURIComponent(id)}` : '/cases', class: 'button-link' }, 'Cancel')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = formValues(form);
    const body = {
      title: input.title,
      summary: input.summary,
      situationCountry: (input.situationCountry || '').toUpperCase(),
      tags: splitList(input.tags),
    };
    try {
      if (editing) {
        body.status = input.status;
        if (relabels) {
          body.tlp = input.tlp;
        }
        await submitting(form, outlet, () => api.patch(`/api/cases/${encodeURIComponent(id)}`, body, { ifMatch: etag }));
        context.navigate(`/cases/${encodeURIComponent(id)}`);
      } else {
        const { data } = await submitting(form, outlet, () => api.post('/api/cases', { ...body, ...sharing.value() }));
        context.navigate(`/cases/${encodeURIComponent(data.id)}`);
      }
    } catch (error) {
      if (error.status === 412) {
        clear(outlet, conflict(id, form, (fresh) => {
          etag = fresh.etag;
        }, signal));
      }
    }
  });
  clear(view, h('h1', {}, editing ? `Edit case: ${values.title}` : 'New case'), form);
}

/**
 * Somebody saved the case after this form was loaded. The form keeps what the user typed; the latest version is shown
 * beside it and, once loaded, the next save applies the user's changes on top of it.
 */
function conflict(id, form, adopt, signal) {
  const latest = h('div', { class: 'latest' });
  const button = h('button', { type: 'button' }, 'Load the latest version');
  button.addEventListener('click', async () => {
    button.disabled = true;
    latest.replaceChildren(loading());
    try {
      const fresh = await api.get(`/api/cases/${encodeURIComponent(id)}`, { signal });
      adopt(fresh);
      const data = fresh.data;
      latest.replaceChildren(h('p', {}, `Latest version (saved by ${data.updatedBy}):`),
        h('dl', { class: 'facts' },
          h('dt', {}, 'Title'), h('dd', {}, data.title),
          h('dt', {}, 'Status'), h('dd', {}, label(data.status)),
          h('dt', {}, 'TLP'), h('dd', {}, label(data.tlp)),
          h('dt', {}, 'Situation'), h('dd', {}, data.situationCountry),
          h('dt', {}, 'Tags'), h('dd', {}, (data.tags || []).join(', ') || '—'),
          h('dt', {}, 'Summary'), h('dd', {}, data.summary || '—')),
        h('p', {}, 'Your changes are still in the form. Check them against this version and save again to apply them.'));
      form.querySelector('[name=title]').focus();
    } catch (error) {
      latest.replaceChildren(problem(error));
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'problem conflict', role: 'alert' },
    h('p', { class: 'problem-title' }, 'This case was changed by someone else while you were editing.'),
    h('p', {}, 'Nothing was saved. Load the latest version, then re-apply your changes and save again.'),
    button, latest);
}
