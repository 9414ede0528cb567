// Every call to the platform goes through here: the XSRF header on changes, problems turned into readable errors.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.title || `The request failed (${status})`);
    this.status = status;
    this.type = problem.type || '';
    this.title = problem.title || '';
    this.detail = problem.detail || '';
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.countries = Array.isArray(problem.countries) ? problem.countries : [];
    this.etag = problem.etag || '';
  }

  is(kind) {
    return this.type.endsWith(`/problems/${kind}`);
  }
}

function cookie(name) {
  const prefix = `${name}=`;
  const found = document.cookie.split('; ').find((entry) => entry.startsWith(prefix));
  return found ? decodeURIComponent(found.substring(prefix.length)) : '';
}

const STATUS_TITLES = {
  400: 'The request was not accepted',
  403: 'You are not allowed to do this',
  404: 'Not found',
  409: 'This cannot be done in the current state',
  412: 'Someone else changed this in the meantime',
  413: 'Too much data in one request',
  422: 'The request could not be carried out',
  429: 'Too many requests: wait a moment and try again',
  502: 'A service answered with an error',
  503: 'A service is unavailable right now: try again shortly',
  504: 'A service took too long to answer: try again',
};

export async function request(method, path, { body, ifMatch, signal } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN');
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (ifMatch) {
    headers['If-Match'] = ifMatch;
  }
  let response;
  try {
    response = await fetch(path, {
      method, headers, signal, credentials: 'same-origin', redirect: 'manual',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, { title: 'Accord cannot be reached', detail: 'Check your connection and try again.' });
  }
  if (response.status === 401 || response.type === 'opaqueredirect') {
    window.location.assign('/login');
    throw new ApiError(401, { title: 'Your session has ended', detail: 'Sign in again to continue.' });
  }
  const etag = response.headers.get('ETag') || '';
  const type = response.headers.get('Content-Type') || '';
  let data = null;
  if (response.status !== 204 && type.includes('json')) {
    try {
      data = await response.json();
    } catch (error) {
      data = null;
    }
  }
  if (!response.ok) {
    const problem = data && typeof data === 'object' ? data : {};
    if (!problem.title) {
      problem.title = STATUS_TITLES[response.status] || `The request failed (error ${response.status})`;
    }
    if (response.status === 412 && etag) {
      problem.etag = etag;
    }
    throw new ApiError(response.status, problem);
  }
  return { status: response.status, data, etag };
}

export const api = {
  get: (path, options) => request('GET', path, options),
  post: (path, body, options) => request('POST', path, { ...options, body }),
  put: (path, body, options) => request('PUT', path, { ...options, body }),
  patch: (path, body, options) => request('PATCH', path, { ...options, body }),
};

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The gateway answers a script with the identity provider's sign-out address, which ends the session there too. A
 * session that has already ended goes to the sign-in page; any other answer is a refusal, thrown as an error, since
 * the session lives on.
 */
export async function signOut() {
  let response;
  try {
    response = await fetch('/logout', {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') },
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError(0, { title: 'Accord cannot be reached', detail: 'Check your connection and try again.' });
  }
  if (response.status === 401 || response.redirected) {
    window.location.assign('/login');
    return;
  }
  const type = response.headers.get('Content-Type') || '';
  if (response.ok && type.startsWith('application/json')) {
    const body = await response.json().catch(() => ({}));
    if (typeof body.location === 'string' && body.location) {
      window.location.assign(body.location);
      return;
    }
  }
  let problem = {};
  if (type.includes('json')) {
    problem = await response.json().catch(() => ({}));
  }
  throw new ApiError(response.status, {
    ...problem,
    title: problem.title || STATUS_TITLES[response.status] || `The request failed (error ${response.status})`,
  });
}
