import { api, query } from '../api.js';
import { clear, h } from '../dom.js';
import { label, loading, problem, when } from '../ui.js';

const PAGE_SIZE = 20;

export async function inboxView(context) {
  const { view, signal } = context;
  const params = new URLSearchParams(window.location.search);
  const unreadOnly = params.get('unread') === 'true';
  const page = Math.max(0, Number.parseInt(params.get('page') || '0', 10) || 0);
  document.title = 'Inbox · Accord';
  const results = h('div', { 'aria-live': 'polite' }, loading('Loading your inbox…'));
  clear(view,
    h('div', { class: 'page-head' }, h('h1', {}, 'Inbox'),
      h('nav', { class: 'tabs', 'aria-label': 'Inbox filter' },
        h('a', { href: '/inbox', 'aria-current': unreadOnly ? null : 'page' }, 'All'),
        h('a', { href: '/inbox?unread=true', 'aria-current': unreadOnly ? 'page' : null }, 'Unread'))),
    results);
  try {
    const { data } = await api.get(`/api/notifications${query({ unread: unreadOnly ? 'true' : '', page, size: PAGE_SIZE })}`,
      { signal });
    clear(results, items(context, data), pager(data, params));
  } catch (error) {
    if (error.name !== 'AbortError') {
      clear(results, problem(error));
    }
  }
}

/** The item's own title says what happened and to which case; older items without one are named by their type. */
function describe(item) {
  if (item.title) {
    return item.title;
  }
  const type = item.type.replace(/([a-z])([A-Z])/g, '$1_$2');
  return `${label(type)} (${item.taskId ? 'coordinated action' : 'case'})`;
}

function items(context, data) {
  if (!data.items.length) {
    return h('p', { class: 'empty' }, 'Nothing in your inbox.');
  }
  return h('ul', { class: 'inbox' }, data.items.map((item) => {
    const outlet = h('span', { 'aria-live': 'polite' });
    const button = !item.read && (item.allowedOperations || []).includes('MARK_READ')
      ? h('button', { type: 'button', class: 'small' }, 'Mark read') : null;
    const row = h('li', { class: ['inbox-item', item.read ? 'read' : 'unread'], 'data-type': item.type },
      h('div', { class: 'inbox-main' },
        h('p', { class: 'inbox-title' }, item.read ? null : h('span', { class: 'dot-unread' }, h('span', { class: 'visually-hidden' }, 'Unread: ')),
          describe(item)),
        h('p', { class: 'sub' }, when(item.createdAt), item.scope === 'COUNTRY' ? ' · for your country' : ' · for you'),
        h('p', { class: 'links' },
          item.taskId ? h('a', { href: `/tasks/${encodeURIComponent(item.taskId)}` }, 'Open the action') : null,
          item.caseId ? h('a', { href: `/cases/${encodeURIComponent(item.caseId)}` }, 'Open the case') : null)),
      button, outlet);
    if (button) {
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          await api.post(`/api/notifications/${encodeURIComponent(item.id)}/read`);
          row.classList.replace('unread', 'read');
          row.querySelector('.dot-unread')?.remove();
          button.remove();
          outlet.textContent = 'Marked read';
          context.refreshUnread();
        } catch (error) {
          button.disabled = false;
          outlet.replaceChildren(problem(error));
        }
      });
    }
    return row;
  }));
}

function pager(data, params) {
  const pages = Math.max(1, Math.ceil(data.totalItems / data.size));
  const link = (page, text) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    return h('a', { href: `/inbox?${next}`, class: 'button-link' }, text);
  };
  return h('nav', { class: 'pager', 'aria-label': 'Inbox pages' },
    data.page > 0 ? link(data.page - 1, 'Newer') : null,
    h('span', {}, `Page ${data.page + 1} of ${pages}`),
    data.page + 1 < pages ? link(data.page + 1, 'Older') : null);
}
