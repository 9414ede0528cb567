import { api, query } from '../api.js';
import { clear, field, h, select } from '../dom.js';
import { assignmentMatrix, loadActions, proposeForm } from '../actions.js';
import { assessmentHistory, loadAssessments, riskChart, riskForm } from '../risk.js';
import { sharingEditor, sharingSummary } from '../sharing.js';
import {
  label, loading, notice, problem, riskBadge, section, statusChip, submitting, tlpBadge, when,
} from '../ui.js';

const RELIABILITY = {
  A: 'completely reliable', B: 'usually reliable', C: 'fairly reliable', D: 'not usually reliable',
  E: 'unreliable', F: 'reliability cannot be judged',
};
const CREDIBILITY = {
  1: 'confirmed by other sources', 2: 'probably true', 3: 'possibly true', 4: 'doubtful', 5: 'improbable',
  6: 'truth cannot be judged',
};

/** What the caller may do with the case, exactly as the cases service answered it. */
function allowed(theCase) {
  return new Set(theCase.allowedOperations || []);
}

/** Editing the case covers every change made through its edit form. */
const EDIT_OPERATIONS = ['UPDATE', 'RELABEL', 'CLOSE', 'REOPEN'];

export async function caseView(context, id) {
  const { view, signal } = context;
  const tab = new URLSearchParams(window.location.search).get('tab') || 'overview';
  clear(view, loading('Loading the case…'));
  let answer;
  try {
    answer = await api.get(`/api/cases/${encodeURIComponent(id)}`, { signal });
  } catch (error) {
    if (error.status === 404) {
      document.title = 'Case not found · Accord';
      clear(view, h('h1', {}, 'Case not found'),
        h('p', { class: 'not-found' }, 'This case was not found. It may not exist, or it has not been shared with your country.'),
        h('p', {}, h('a', { href: '/cases' }, 'Back to the cases')));
      return;
    }
    throw error;
  }
  const theCase = answer.data;
  const state = { theCase, etag: answer.etag };
  const can = allowed(theCase);
  document.title = `${theCase.title} · Accord`;
  const base = `/cases/${encodeURIComponent(id)}`;
  const tabs = [['overview', 'Overview'], ['timeline', 'Timeline'], ['risk', 'Risk assessment']];
  if (can.has('READ_AUDIT')) {
    tabs.push(['audit', 'Access audit']);
  }
  const body = h('div', { class: 'tab-body' });
  clear(view,
    h('p', { class: 'crumbs' }, h('a', { href: '/cases' }, 'Cases')),
    h('div', { class: 'page-head' },
      h('h1', {}, theCase.title),
      EDIT_OPERATIONS.some((operation) => can.has(operation))
        ? h('a', { href: `${base}/edit`, class: 'button-link' }, 'Edit case') : null),
    h('p', { class: 'badges' }, tlpBadge(theCase.tlp), statusChip(theCase.status), riskBadge(theCase.riskLevel)),
    h('nav', { class: 'tabs', 'aria-label': 'Case sections' }, tabs.map(([key, text]) => h('a', {
      href: key === 'overview' ? base : `${base}?tab=${key}`, 'aria-current': key === tab ? 'page' : null,
    }, text))),
    body);

  if (tab === 'timeline') {
    timeline(context, state, can, body);
  } else if (tab === 'risk') {
    await risk(context, state, can, body);
  } else if (tab === 'audit' && can.has('READ_AUDIT')) {
    await audit(context, state, body);
  } else {
    await overview(context, state, can, body);
  }
}

async function overview(context, state, can, body) {
  const { theCase } = state;
  const chartSlot = h('div', {}, loading('Loading the risk history…'));
  const actionsSlot = h('div', {}, loading('Loading coordinated actions…'));
  clear(body,
    section('Summary',
      h('p', { class: 'summary' }, theCase.summary || 'No summary.'),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Situation country'), h('dd', {}, theCase.situationCountry),
        h('dt', {}, 'Originating country'), h('dd', {}, context.countryName(theCase.originCountry)),
        h('dt', {}, 'Opened'), h('dd', {}, `${when(theCase.createdAt)} by ${theCase.createdBy}`),
        h('dt', {}, 'Last change'), h('dd', {}, `${when(theCase.updatedAt)} by ${theCase.updatedBy}`),
        h('dt', {}, 'Tags'), h('dd', {}, (theCase.tags || []).join(', ') || '—'))),
    section('Sharing', sharingSummary(context, theCase), can.has('SHARE') ? sharingPanel(context, state) : null),
    section('Risk level over time', chartSlot),
    section('Coordinated actions', actionsSlot));
  await Promise.all([
    loadAssessments(theCase.id, context.signal)
      .then((items) => clear(chartSlot, riskChart(items)))
      .catch((error) => clear(chartSlot, problem(error))),
    showActions(context, theCase, actionsSlot),
  ]);
}

/** The case's actions; the tasks service's answer says whether the caller may propose one on this case. */
async function showActions(context, theCase, slot) {
  const matrix = h('div', {}, loading('Loading coordinated actions…'));
  const proposal = h('div');
  let offered = false;
  const refresh = async () => {
    try {
      const actions = await loadActions(theCase.id, context.signal);
      clear(matrix, assignmentMatrix(context, actions));
      if (!offered && (actions.allowedOperations || []).includes('PROPOSE')) {
        offered = true;
        clear(proposal, h('details', { class: 'propose-panel' }, h('summary', {}, 'Propose a coordinated action'),
          proposeForm(context, theCase, refresh)));
      }
    } catch (error) {
      if (error.name !== 'AbortError') {
        clear(matrix, problem(error));
      }
    }
  };
  clear(slot, matrix, proposal);
  await refresh();
}

/** Shown to those the case says may share it; the panel sends the version it was drawn from. */
function sharingPanel(context, state) {
  const editor = sharingEditor(context, state.theCase);
  const outlet = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'sharing-form' }, editor.element, outlet,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save sharing')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const answer = await submitting(form, outlet, () => api.put(
        `/api/cases/${encodeURIComponent(state.theCase.id)}/sharing`, editor.value(), { ifMatch: state.etag }));
      context.navigate(`/cases/${encodeURIComponent(state.theCase.id)}`, { replace: true });
      return answer;
    } catch (error) {
      if (error.status === 412) {
        clear(outlet, h('div', { class: 'problem conflict', role: 'alert' },
          h('p', { class: 'problem-title' }, 'The case was changed by someone else while you were editing its sharing.'),
          h('p', {}, 'Nothing was saved. Reload the case to see the current audience, then apply your change again.'),
          h('a', { href: `/cases/${encodeURIComponent(state.theCase.id)}`, class: 'button-link' }, 'Reload the case')));
      }
      return undefined;
    }
  });
  return h('details', { class: 'share-panel' }, h('summary', {}, 'Change sharing'), form);
}

function reliabilityText(grade) {
  if (!grade) {
    return null;
  }
  const letter = grade.charAt(0);
  const digit = grade.charAt(1);
  return h('abbr', { class: 'grade', title: `${RELIABILITY[letter] || ''}; ${CREDIBILITY[digit] || ''}` },
    `Reliability ${grade}`, h('span', { class: 'sub' }, ` (${RELIABILITY[letter] || '?'}, ${CREDIBILITY[digit] || '?'})`));
}

function sourceText(entry) {
  if (entry.sourceProtected && !entry.source) {
    return h('span', { class: 'protected' }, 'Protected source');
  }
  if (entry.sourceProtected) {
    return h('span', {}, `Source: ${entry.source} `, h('span', { class: 'protected' }, 'protected: only your country sees it'));
  }
  return entry.source ? h('span', {}, `Source: ${entry.source}`) : null;
}

function timeline(context, state, can, body) {
  const { theCase } = state;
  const entries = theCase.entries || [];
  clear(body,
    section('Timeline', entries.length
      ? h('ol', { class: 'timeline' }, entries.map((entry) => h('li', { class: `entry entry-${entry.kind.toLowerCase()}` },
        h('p', { class: 'entry-head' }, h('span', { class: 'kind' }, label(entry.kind)), ' ',
          h('time', { datetime: entry.occurredAt }, when(entry.occurredAt)),
          entry.location ? ` · ${entry.location}` : ''),
        h('p', { class: 'entry-text' }, entry.text),
        h('p', { class: 'entry-meta' }, sourceText(entry), ' ', reliabilityText(entry.reliability),
          h('span', { class: 'sub' }, ` Recorded by ${entry.recordedBy} (${entry.recordedByCountry}), ${when(entry.recordedAt)}`)))))
      : h('p', { class: 'empty' }, 'No entries yet.')),
    can.has('ADD_ENTRY') ? section('Add an entry', entryForm(context, theCase)) : null);
}

function entryForm(context, theCase) {
  const outlet = h('div', { 'aria-live': 'polite' });
  const now = new Date(Date.now() - 60000).toISOString().substring(0, 16);
  const form = h('form', { class: 'entry-form', novalidate: true },
    h('div', { class: 'row' },
      field('Kind', select('kind', [['INCIDENT', 'Incident report'], ['OBSERVATION', 'Observation'], ['EVIDENCE', 'Evidence']], 'INCIDENT')),
      field('Occurred at (UTC)', h('input', { type: 'datetime-local', name: 'occurredAt', value: now, max: now, required: true }))),
    field('What happened', h('textarea', { name: 'text', rows: 4, maxlength: 4000, required: true })),
    field('Location', h('input', { name: 'location', maxlength: 200 })),
    field('Source', h('input', { name: 'source', maxlength: 500 })),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'sourceProtected' }),
      ' Protect the source: other countries see only that it is protected'),
    h('div', { class: 'row' },
      field('Source reliability', select('reliabilityLetter', [['', 'Not graded'],
        ...Object.entries(RELIABILITY).map(([key, text]) => [key, `${key} — ${text}`])], '')),
      field('Information credibility', select('reliabilityDigit', [['', 'Not graded'],
        ...Object.entries(CREDIBILITY).map(([key, text]) => [key, `${key} — ${text}`])], ''))),
    outlet,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Add entry')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const occurred = String(data.get('occurredAt') || '');
    const body = {
      kind: data.get('kind'),
      text: String(data.get('text') || '').trim(),
      occurredAt: occurred ? `${occurred.length === 16 ? `${occurred}:00` : occurred}Z` : '',
      sourceProtected: data.get('sourceProtected') === 'on',
    };
    const location = String(data.get('location') || '').trim();
    const source = String(data.get('source') || '').trim();
    if (location) {
      body.location = location;
    }
    if (source) {
      body.source = source;
    }
    const letter = data.get('reliabilityLetter');
    const digit = data.get('reliabilityDigit');
    if (letter || digit) {
      body.reliability = `${letter || ''}${digit || ''}`;
    }
    try {
      await submitting(form, outlet, () => api.post(`/api/cases/${encodeURIComponent(theCase.id)}/entries`, body));
      context.navigate(`/cases/${encodeURIComponent(theCase.id)}?tab=timeline`, { replace: true });
    } catch (error) {
      // shown by submitting()
    }
  });
  return form;
}

async function risk(context, state, can, body) {
  const { theCase } = state;
  clear(body, loading('Loading the assessments…'));
  let assessments;
  try {
    assessments = await loadAssessments(theCase.id, context.signal);
  } catch (error) {
    clear(body, problem(error));
    return;
  }
  const reload = () => context.navigate(`/cases/${encodeURIComponent(theCase.id)}?tab=risk`, { replace: true });
  clear(body,
    section('Risk level over time', riskChart(assessments), assessmentHistory(assessments)),
    can.has('ADD_ASSESSMENT') ? section('New assessment', riskForm(theCase.id, assessments[0], reload))
      : section('New assessment', notice('You may not record assessments on this case.')));
}

async function audit(context, state, body) {
  const { theCase } = state;
  const page = Math.max(0, Number.parseInt(new URLSearchParams(window.location.search).get('page') || '0', 10) || 0);
  clear(body, loading('Loading the access audit…'));
  let data;
  try {
    data = (await api.get(`/api/cases/${encodeURIComponent(theCase.id)}/audit${query({ page, size: 50 })}`,
      { signal: context.signal })).data;
  } catch (error) {
    clear(body, problem(error));
    return;
  }
  const verification = h('div', { 'aria-live': 'polite' });
  const verify = h('button', { type: 'button' }, 'Verify the audit chain');
  verify.addEventListener('click', async () => {
    verify.disabled = true;
    clear(verification, loading('Verifying…'));
    try {
      const result = (await api.get(`/api/cases/${encodeURIComponent(theCase.id)}/audit/verification`)).data;
      clear(verification, result.intact
        ? notice(`The chain of ${result.entries} entries is intact.`)
        : problem({ title: `The audit chain is broken at entry ${result.brokenAt}`, detail: result.problem }));
    } catch (error) {
      clear(verification, problem(error));
    } finally {
      verify.disabled = false;
    }
  });
  const pages = Math.max(1, Math.ceil(data.totalItems / data.size));
  const base = `/cases/${encodeURIComponent(theCase.id)}?tab=audit`;
  clear(body, section('Access audit',
    h('p', { class: 'hint' }, 'Every opening, change, share and refused attempt on this case, newest first.'),
    verify, verification,
    h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Audit entries' },
      h('table', { class: 'audit' },
        h('caption', {}, `${data.totalItems} entries`),
        h('thead', {}, h('tr', {}, ['#', 'When', 'User', 'Country', 'Action', 'Outcome', 'Version']
          .map((text) => h('th', { scope: 'col' }, text)))),
        h('tbody', {}, data.items.map((item) => h('tr', { class: item.outcome === 'GRANTED' ? '' : 'denied' },
          h('td', {}, item.sequence), h('td', {}, when(item.at)), h('td', {}, item.user), h('td', {}, item.country),
          h('td', {}, label(item.action)), h('td', {}, label(item.outcome)), h('td', {}, item.caseVersion ?? '—')))))),
    h('nav', { class: 'pager', 'aria-label': 'Audit pages' },
      page > 0 ? h('a', { href: `${base}&page=${page - 1}`, class: 'button-link' }, 'Newer') : null,
      h('span', {}, `Page ${page + 1} of ${pages}`),
      page + 1 < pages ? h('a', { href: `${base}&page=${page + 1}`, class: 'button-link' }, 'Older') : null)));
}
