import { api, signOut } from './js/api.js';
import { clear, h } from './js/dom.js';
import { problem } from './js/ui.js';
import { casesView } from './js/views/cases.js';
import { caseFormView } from './js/views/case-form.js';
import { caseView } from './js/views/case.js';
import { taskView } from './js/views/task.js';
import { inboxView } from './js/views/inbox.js';
import { partnersView } from './js/views/partners.js';

const view = document.getElementById('view');
const UNREAD_POLL_MS = 15000;

const routes = [
  [/^\/cases\/?$/, 'cases', () => casesView],
  [/^\/cases\/new\/?$/, 'cases', () => caseFormView],
  [/^\/cases\/([^/]+)\/edit\/?$/, 'cases', (id) => (context) => caseFormView(context, id)],
  [/^\/cases\/([^/]+)\/?$/, 'cases', (id) => (context) => caseView(context, id)],
  [/^\/tasks\/([^/]+)\/?$/, 'cases', (id) => (context) => taskView(context, id)],
  [/^\/inbox\/?$/, 'inbox', () => inboxView],
  [/^\/partners\/?$/, 'partners', () => partnersView],
];

const context = {
  me: null,
  countries: { members: [], groups: [] },
  navigate,
  refreshUnread,
  countryName(code) {
    const member = this.countries.members.find((item) => item.code === code);
    return member ? member.name : code;
  },
};

let rendering = null;

function navigate(path, { replace = false } = {}) {
  if (replace) {
    window.history.replaceState({}, '', path);
  } else {
    window.history.pushState({}, '', path);
  }
  render();
}

async function render() {
  if (context.refused) {
    return undefined;
  }
  const path = window.location.pathname;
  if (path === '/' || path === '') {
    window.history.replaceState({}, '', '/cases');
    return render();
  }
  const match = routes.map(([pattern, section, make]) => [path.match(pattern), section, make])
    .find(([found]) => found);
  const controller = new AbortController();
  if (rendering) {
    rendering.abort();
  }
  rendering = controller;
  document.querySelectorAll('nav.primary a').forEach((link) => link.removeAttribute('aria-current'));
  if (!match) {
    notFound();
    return undefined;
  }
  const [found, section, make] = match;
  // A link with a broken percent-escape names no page; it must not leave the view waiting.
  const parts = found.slice(1).map(decodedOrNull);
  if (parts.includes(null)) {
    notFound();
    return undefined;
  }
  const current = document.querySelector(`nav.primary a[data-section="${section}"]`);
  if (current) {
    current.setAttribute('aria-current', 'page');
  }
  if (context.me) {
    refreshUnread();
  }
  const page = make(...parts);
  try {
    await page({ ...context, signal: controller.signal, view });
  } catch (error) {
    if (error.name !== 'AbortError' && rendering === controller) {
      clear(view, h('h1', {}, 'Something went wrong'), problem(error));
    }
  }
  return undefined;
}

function notFound() {
  clear(view, h('h1', {}, 'Page not found'), h('p', {}, 'There is nothing at this address. ',
    h('a', { href: '/cases' }, 'Go to the cases')));
  document.title = 'Not found · Accord';
}

function decodedOrNull(part) {
  try {
    return decodeURIComponent(part);
  } catch (malformed) {
    return null;
  }
}

// Links inside the app change the view without reloading; sign-in, sign-out and the API stay real navigations.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey) {
    return;
  }
  const link = event.target.closest('a[href]');
  if (!link || link.target || link.hasAttribute('download')) {
    return;
  }
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin || /^\/(api|login|logout|actuator)(\/|$)/.test(url.pathname)) {
    return;
  }
  event.preventDefault();
  if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) {
    document.getElementById(url.hash.substring(1))?.focus();
    return;
  }
  navigate(url.pathname + url.search);
  view.focus({ preventScroll: true });
  window.scrollTo(0, 0);
});

window.addEventListener('popstate', () => render());

async function refreshUnread() {
  const badge = document.getElementById('unread-badge');
  try {
    const { data } = await api.get('/api/notifications/unread-count');
    const unread = Number(data && data.unread) || 0;
    badge.textContent = String(unread);
    badge.hidden = unread === 0;
    badge.setAttribute('aria-label', `${unread} unread`);
    document.getElementById('inbox-link').setAttribute('aria-label', `Inbox, ${unread} unread`);
  } catch (error) {
    badge.hidden = true;
  }
}

async function start() {
  let me;
  try {
    me = (await api.get('/api/me')).data;
  } catch (error) {
    if (error.status === 403) {
      clear(view, h('h1', {}, 'No access'), problem({
        title: 'Your account does not belong to a member country of the alliance, so it cannot use Accord.',
      }));
      document.getElementById('sign-out').hidden = false;
      return;
    }
    clear(view, h('h1', {}, 'Accord'), problem(error));
    return;
  }
  context.me = me;
  document.getElementById('username').textContent = me.username;
  document.getElementById('country').textContent = me.country;
  document.getElementById('roles').textContent = me.roles.length ? me.roles.join(', ') : 'no role';
  document.getElementById('who').hidden = false;
  document.getElementById('sign-out').hidden = false;
  try {
    context.countries = (await api.get('/api/countries')).data;
  } catch (error) {
    if (error.status === 403) {
      // The platform tells such an account who it is and nothing else: say so rather than open pages that fail.
      context.refused = true;
      document.querySelector('nav.primary').hidden = true;
      clear(view, h('h1', {}, 'No access'), problem({
        title: 'Your account has no role on this platform.',
        detail: 'Ask your government\'s administrator for the officer, liaison or analyst role, then sign in again.',
      }));
      return;
    }
    context.countries = { members: [], groups: [] };
  }
  window.setInterval(refreshUnread, UNREAD_POLL_MS);
  render();
  showPartnersLink(me.country);
}

/** The partner inbox is linked only for those the notifications service lets manage it: to anybody else it is 404. */
async function showPartnersLink(country) {
  try {
    await api.get(`/api/partners/${encodeURIComponent(country)}`);
    document.getElementById('partners-link').hidden = false;
  } catch (error) {
    document.getElementById('partners-link').hidden = true;
  }
}

document.getElementById('sign-out').addEventListener('click', async (event) => {
  const button = event.currentTarget;
  button.disabled = true;
  try {
    await signOut();
  } catch (error) {
    // The session is still alive: say so where the user is, rather than show a sign-in page that is not true.
    button.disabled = false;
    clear(view, h('h1', {}, 'Signing out failed'), problem({
      title: 'You are still signed in.',
      detail: error.detail || error.title || 'Check your connection and try again.',
    }));
    document.title = 'Signing out failed · Accord';
  }
});

start();
